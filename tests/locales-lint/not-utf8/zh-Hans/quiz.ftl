quiz-back = ╥╣╩ьв╙ук
