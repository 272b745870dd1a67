"""Spanish for retrieval: the words that carry no topic, and a light (Snowball) stemmer.

The lists are written folded, as `knowledge.normalize.fold` leaves a word: lower case, no
accents ("contraseña" -> "contrasena"), since teachers type both ways. They were written
from general knowledge of Spanish, then trimmed and extended by the misses on the Spanish
tuning set (knowledge/eval/tuning/es_teachers.jsonl); the held-out set was never read.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, pronouns, the forms of ser/estar/haber/tener/hacer/poder, and the filler
# of a rushed chat message.
STOPWORDS = _words("""
a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por segun
sin so sobre tras y e ni o u no pero sino que porque pues como cuando donde mientras si aunque
el la lo los las un una unos unas este esta esto estos estas ese esa eso esos esas aquel
aquella aquello aquellos aquellas mi mis tu tus su sus nuestro nuestra nuestros nuestras
vuestro vuestra me te se nos os le les yo tu usted ustedes el ella ellos ellas nosotros
nosotras mio mia mios mias suyo suya conmigo contigo consigo cual cuales quien quienes
cuyo cuya que cuanto cuanta cuantos cuantas algo alguien alguno alguna algunos algunas
nada nadie ninguno ninguna otro otra otros otras mismo misma mismos mismas todo toda todos
todas cada tan tanto tanta tantos tantas muy mas menos poco poca pocos pocas mucho mucha
muchos muchas bastante demasiado ya aun todavia tambien tampoco solo solamente casi
siempre nunca jamas otra vez veces aqui aca ahi alli alla asi bien mal entonces luego
despues antes ahora hoy ayer manana
ser soy eres es somos son era eras eramos eran fue fui fuiste fueron sido siendo sea sean
estar estoy estas esta estamos estan estaba estaban estuvo estuve estado estando este
esten haber he has ha hemos han habia habian hubo hay habra haya hayan tener tengo tienes
tiene tenemos tienen tenia tenian tuve tuvo hacer hago haces hace hacemos hacen hice hizo
hecho haciendo haga hagan poder puedo puedes puede podemos pueden podia podria pude pudo
ir voy vas va vamos van iba fui
hola buenos buenas dias tardes noches gracias favor porfa porfis xfa ayuda ayudar ayudame
ayudarme ayudeme necesito necesita necesitamos quiero quisiera queria saber sabe alguien
oye oiga disculpa disculpe perdon urgente urgencia rapido ya pls please plis
ok okay vale bueno pues eh ah uy ay jaja jeje
""")
# Words that say nothing about which problem it is: hedges, generic verbs and adjectives,
# and when it happened (as the English FILLER list in knowledge/normalize.py).
FILLER = _words("""
creo parece pienso supongo quizas quiza tal vez probablemente realmente literalmente
totalmente completamente nuevamente pasa paso pasando sucede sucedio ocurre ocurrio
problema problemas cosa cosas tema asunto raro rara extrano extrana
lunes martes miercoles jueves viernes sabado domingo semana semanas mes meses ano anos dia
manana tarde noche minuto minutos hora horas segundo segundos rato momento
salon aula cuarto numero primero primera segundo segunda tercero ultimo ultima
""")
_STEMMER = snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Spanish Snowball stem of one folded word."""
    return str(_STEMMER.stemWord(word))

