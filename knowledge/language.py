"""Is a message Spanish or English? Counted from its words, with no model.

Spanish evidence: ¿ ¡ ñ and accented vowels, and words that are Spanish and not English
("el", "mi", "no funciona" is both, so "no" counts for neither); English evidence: words
that are English and not Spanish. Whichever has more wins; a tie (no evidence, a lone
product name) is English, the knowledge base's first language. Measured on the tuning sets
by bench/retrieval.py --spanish (the README's "How well it answers").
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.normalize import fold

Language = str  # "en" or "es"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MARKS = frozenset("¿¡ñÑáéíóúÁÉÍÓÚü")
# Words of both languages (or of neither's chat): evidence for neither.
AMBIGUOUS = _words("no me a son solo internet red sale pasa clase ok yes")
# Spanish words a teacher's message uses that are not English words (folded, no accents).
SPANISH = _words("""
el la los las del al un una unos unas que de en con por para pero porque como cuando donde
mi mis tu tus su sus mio este esta esto estos estas ese esa eso esos esas aqui ahi alli
yo me te se nos le les lo usted ustedes ellos ellas nosotros alguien nadie nada algo todo
todos todas cada otro otra otros otras mismo muy mas menos tambien tampoco ya todavia aun
es son esta estan estoy estaba era fue ser estar hay tiene tengo tienen puedo puede pueden
hace hago hacer sale salen aparece dice dicen funciona sirve prende carga abre entra deja
quiero necesito ayuda favor gracias hola buenos buenas dias tardes noches sí si claro
tampoco nunca siempre ahora hoy ayer manana despues antes solo sola otra vez ningun ninguna
cual cuales quien porque pues entonces asi bien mal mucho poco
alumno alumnos alumna alumnas estudiante estudiantes maestro maestra maestros profe profesor
profesora salon clase clases computadora compu pantalla contrasena clave cuenta correo
impresora proyector pizarra pizarron tableta sonido bocina bocinas camara internet red
señal senal tarea tareas calificaciones archivo archivos carpeta pagina sitio aplicacion
no funciona funcionando sirven sale pasa paso puse puso pude pudo hice hizo tengo trato
cuando ahorita luego lunes martes miercoles jueves viernes semana ano entrar deja jala
saludos correcto exacto sip nop nel directamente reportar reportarlo abrir sirvio quedo
""") - AMBIGUOUS
# English words that are not Spanish words.
ENGLISH = _words("""
the a an and or but of to in on at for with from by about is are was were be been am it its
this that these those my your our their his her i you we they he she me us them what which
who how why when where can cant could would should will wont do does did dont doesnt didnt
not have has had get got getting keep keeps just still again please thanks thank hi hello hey
any some all every need want trying try tried working work works broken stuck help issue
there here now today yesterday after before im ive cannot wont isnt arent
student students teacher class room kids computer screen password account printer projector
sound board laptop chromebook says shows won
""") - SPANISH - AMBIGUOUS
# Quoted text is usually an error message copied from the screen, in English whatever the
# teacher speaks: it is left out of the count when anything else was said.
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|'[^']{4,}'|«[^»]*»")


def detect(text: str) -> Language:
    """"es" when the message reads as Spanish, else "en"."""
    return _detect(text[:500])


@lru_cache(maxsize=4096)
def _detect(text: str) -> Language:
    words = fold(QUOTED.sub(" ", text)).split() or fold(text).split()
    spanish = sum(word in SPANISH for word in words) + 2 * any(c in MARKS for c in text)
    english = sum(word in ENGLISH for word in words)
    return "es" if spanish > english else "en"

