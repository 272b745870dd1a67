"""People and conversations: who talks to prepbot, their role, and where to reach them."""
