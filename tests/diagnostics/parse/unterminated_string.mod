: A string without its closing quote; the parser then meets the end of the file.
: expect-error: 5:18: string is never closed: add '"' before the end of the line
: expect-error: 6:1: expected an expression but found end of file
NEURON { SUFFIX t }
INITIAL { printf("hello) }
