// The mech language: NMODL (NEURON's model description language) plus CHANNEL, GATE and POOL.
// Recursion is kept to bracket nesting only (operator chains are loops), so that the front end
// can bound parser depth by counting brackets before it parses.
grammar Mech;

file : topItem* EOF ;

topItem
    : TITLE_LINE                                                  # titleItem
    | DEFINE ident NUMBER                                         # defineItem
    | NEURON '{' neuronStmt* '}'                                  # neuronItem
    | UNITS '{' unitsItem* '}'                                    # unitsBlockItem
    | kind=(PARAMETER | CONSTANT | STATE | ASSIGNED | INDEPENDENT) '{' varDecl* '}'  # declItem
    | kind=(INITIAL | BREAKPOINT | CONSTRUCTOR | DESTRUCTOR) stmtBlock  # bodyItem
    | kind=(BEFORE | AFTER) when=(BREAKPOINT | SOLVE | INITIAL | NAME) stmtBlock  # beforeAfterItem
    | kind=(DERIVATIVE | KINETIC | LINEAR | NONLINEAR) ident stmtBlock  # equationItem
    | kind=(FUNCTION | PROCEDURE) ident '(' paramList? ')' unit? stmtBlock  # functionItem
    | FUNCTION_TABLE ident '(' paramList? ')' unit?               # functionTableItem
    | NET_RECEIVE '(' paramList? ')' stmtBlock                    # netReceiveItem
    | toggle=(UNITSOFF | UNITSON)                                 # unitsToggleItem
    | LOCAL localVar (',' localVar)*                              # topLocalItem
    | CHANNEL ident '{' channelItem* '}'                          # channelItemBlock
    | POOL ident '{' poolItem* '}'                                # poolItemBlock
    | INCLUDE STRING                                              # includeItem
    ;

// ---- NEURON block ----
neuronStmt
    : kind=(SUFFIX | POINT_PROCESS | ARTIFICIAL_CELL) ident                        # suffixStmt
    | USEION ident (READ readList=identList)? (WRITE writeList=identList)? (VALENCE signedNumber)?  # useIonStmt
    | kind=(RANGE | GLOBAL | POINTER | BBCOREPOINTER | NONSPECIFIC_CURRENT | ELECTRODE_CURRENT | EXTERNAL) identList  # nameListStmt
    | THREADSAFE identList?                                                        # threadsafeStmt
    ;

identList : ident (',' ident)* ;

// ---- UNITS block ----
unitsItem
    : unit '=' unit                    # unitAliasItem
    | ident '=' unit unit              # unitRatioItem
    | ident '=' signedNumber unit      # unitValueItem
    ;

// Units are kept as the text between the parentheses; sema parses them.
unit : '(' unitToken* ')' ;
unitToken : NAME | NUMBER | '/' | '-' | '*' | '.' | '^' | '+' ;

// ---- declarations ----
varDecl
    : ident ('[' arraySize ']')? ('=' value=signedNumber)? u1=unit?
      (FROM from=signedNumber TO to=signedNumber (WITH with=signedNumber)?)? unit2=unit?
      (limits | tolerance)? (START start=signedNumber)?
    ;

limits : '<' lo=signedNumber ',' hi=signedNumber '>' ;
// STATE x <1e-6>: CVODE's absolute tolerance for that state.
tolerance : '<' signedNumber '>' ;

signedNumber : sign='-'? NUMBER ;

paramList : param (',' param)* ;
param : ident unit? ;

// ---- statements ----
stmtBlock : '{' stmt* '}' ;

stmt
    : LOCAL localVar (',' localVar)*                                   # localStmt
    | PROTECT? lhs=varRef '=' expr                                     # assignStmt
    | call                                                             # callStmt
    | IF '(' expr ')' stmtBlock elseIf* (ELSE stmtBlock)?              # ifStmt
    | WHILE '(' expr ')' stmtBlock                                     # whileStmt
    | FROM ident '=' from=expr TO to=expr (BY by=expr)? stmtBlock      # fromStmt
    | SOLVE ident ((METHOD | STEADYSTATE) method=ident)?               # solveStmt
    | '~' reactants '<->' reactants '(' expr ',' expr ')'              # reversibleReaction
    | '~' reactants '<<' '(' expr ')'                                  # fluxReaction
    | '~' reactants '->' '(' expr ')'                                  # decayReaction
    | '~' lhs=expr '=' rhs=expr                                        # linearEqStmt
    | CONSERVE lhs=expr '=' rhs=expr                                   # conserveStmt
    | COMPARTMENT (index=ident ',')? expr '{' ident* '}'               # compartmentStmt
    | TABLE names=identList? (DEPEND depend=identList)? FROM from=expr TO to=expr WITH with=expr  # tableStmt
    | WATCH watchItem (',' watchItem)*                                 # watchStmt
    | toggle=(UNITSOFF | UNITSON)                                      # unitsToggleStmt
    | INITIAL stmtBlock                                                # initialStmt
    | stmtBlock                                                        # blockStmt
    ;

elseIf : ELSE IF '(' expr ')' stmtBlock ;

localVar : ident ('[' arraySize ']')? ;

// A literal size or a DEFINE'd name.
arraySize : NUMBER | ident ;

varRef : ident PRIME* ('[' expr ']')? ;

reactants : reactant ('+' reactant)* ;
reactant : NUMBER? ident ('[' expr ']')? ;

watchItem : '(' expr ')' expr ;

call : ident '(' (arg (',' arg)*)? ')' ;
arg : expr | STRING ;

// ---- expressions: loops, not recursion, for operator chains ----
expr : andExpr (OR andExpr)* ;
andExpr : eqExpr (AND eqExpr)* ;
eqExpr : relExpr (op+=('==' | '!=') relExpr)* ;
relExpr : addExpr (op+=('<' | '<=' | '>' | '>=') addExpr)* ;
addExpr : mulExpr (op+=('+' | '-') mulExpr)* ;
mulExpr : unaryExpr (op+=('*' | '/') unaryExpr)* ;
unaryExpr : op+=('-' | '+' | '!')* powExpr ;
powExpr : primary (POW powOperand)* ;
powOperand : op+=('-' | '+' | '!')* primary ;

primary
    : NUMBER unit?                 # numberPrimary
    | call                         # callPrimary
    | varRef                       # namePrimary
    | '(' expr ')'                 # parenPrimary
    ;

// ---- mech's first-class blocks ----
channelItem
    : ION ident                          # channelIon
    | NONSPECIFIC ident                  # channelNonspecific
    | GMAX expr                          # channelGmax
    | PERMEABILITY expr                  # channelPermeability
    | REVERSAL expr                      # channelReversal
    | CARRIER ident (FRACTION expr)?     # channelCarrier
    | GATE ident (POWER NUMBER)? '{' gateItem* '}'  # channelGate
    ;

gateItem : kind=(ALPHA | BETA | INF | TAU) '=' expr ;

poolItem
    : CURRENT ident                                   # poolCurrent
    | kind=(DEPTH | FACTOR | TAU | MIN) '=' expr      # poolValue
    ;

// mech's keywords are contextual: NMODL files may use these words as names.
ident
    : NAME | CHANNEL | POOL | GATE | POWER | ION | NONSPECIFIC | GMAX | PERMEABILITY | REVERSAL
    | CARRIER | FRACTION | ALPHA | BETA | INF | TAU | CURRENT | DEPTH | FACTOR | MIN
    ;

// ================= lexer =================
TITLE_LINE : 'TITLE' ~[\r\n]* ;
COMMENT_BLOCK : 'COMMENT' .*? ('ENDCOMMENT' | EOF) -> channel(HIDDEN) ;
// Raw C is never supported: the front end reports each VERBATIM block once; the parser skips it.
VERBATIM_BLOCK : 'VERBATIM' .*? ('ENDVERBATIM' | EOF) -> channel(2) ;
LINE_COMMENT : (':' | '?') ~[\r\n]* -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

DEFINE : 'DEFINE' ; INCLUDE : 'INCLUDE' ;
NEURON : 'NEURON' ; UNITS : 'UNITS' ; PARAMETER : 'PARAMETER' ; CONSTANT : 'CONSTANT' ;
STATE : 'STATE' ; ASSIGNED : 'ASSIGNED' ; INDEPENDENT : 'INDEPENDENT' ;
INITIAL : 'INITIAL' ; BREAKPOINT : 'BREAKPOINT' ; DERIVATIVE : 'DERIVATIVE' ; KINETIC : 'KINETIC' ;
LINEAR : 'LINEAR' ; NONLINEAR : 'NONLINEAR' ; FUNCTION : 'FUNCTION' ; PROCEDURE : 'PROCEDURE' ;
FUNCTION_TABLE : 'FUNCTION_TABLE' ; NET_RECEIVE : 'NET_RECEIVE' ;
CONSTRUCTOR : 'CONSTRUCTOR' ; DESTRUCTOR : 'DESTRUCTOR' ; BEFORE : 'BEFORE' ; AFTER : 'AFTER' ;
UNITSON : 'UNITSON' ; UNITSOFF : 'UNITSOFF' ;
SUFFIX : 'SUFFIX' ; POINT_PROCESS : 'POINT_PROCESS' ; ARTIFICIAL_CELL : 'ARTIFICIAL_CELL' ;
USEION : 'USEION' ; READ : 'READ' ; WRITE : 'WRITE' ; VALENCE : 'VALENCE' ;
RANGE : 'RANGE' ; GLOBAL : 'GLOBAL' ; POINTER : 'POINTER' ; BBCOREPOINTER : 'BBCOREPOINTER' ;
NONSPECIFIC_CURRENT : 'NONSPECIFIC_CURRENT' ; ELECTRODE_CURRENT : 'ELECTRODE_CURRENT' ;
EXTERNAL : 'EXTERNAL' ; THREADSAFE : 'THREADSAFE' ;
LOCAL : 'LOCAL' ; PROTECT : 'PROTECT' ; // NEURON accepts these three in lower case too (its own hh.mod writes `if ... else`).
IF : 'IF' | 'if' ; ELSE : 'ELSE' | 'else' ; WHILE : 'WHILE' | 'while' ; FROM : 'FROM' ; TO : 'TO' ; BY : 'BY' ;
WITH : 'WITH' ; START : 'START' ; SOLVE : 'SOLVE' ; METHOD : 'METHOD' ; STEADYSTATE : 'STEADYSTATE' ;
CONSERVE : 'CONSERVE' ; COMPARTMENT : 'COMPARTMENT' ; TABLE : 'TABLE' ; DEPEND : 'DEPEND' ; WATCH : 'WATCH' ;
CHANNEL : 'CHANNEL' ; POOL : 'POOL' ; GATE : 'GATE' ; POWER : 'POWER' ; ION : 'ION' ;
NONSPECIFIC : 'NONSPECIFIC' ; GMAX : 'GMAX' ; PERMEABILITY : 'PERMEABILITY' ; REVERSAL : 'REVERSAL' ;
CARRIER : 'CARRIER' ; FRACTION : 'FRACTION' ; ALPHA : 'ALPHA' ; BETA : 'BETA' ; INF : 'INF' ; TAU : 'TAU' ;
CURRENT : 'CURRENT' ; DEPTH : 'DEPTH' ; FACTOR : 'FACTOR' ; MIN : 'MIN' ;

LBRACE : '{' ; RBRACE : '}' ; LPAREN : '(' ; RPAREN : ')' ; LBRACK : '[' ; RBRACK : ']' ;
COMMA : ',' ; ASSIGN : '=' ; TILDE : '~' ; PRIME : '\'' ;
REACT : '<->' ; FLUX : '<<' ; ARROW : '->' ;
EQ : '==' ; NE : '!=' ; LE : '<=' ; GE : '>=' ; LT : '<' ; GT : '>' ;
AND : '&&' ; OR : '||' ; NOT : '!' ;
PLUS : '+' ; MINUS : '-' ; STAR : '*' ; SLASH : '/' ; POW : '^' ;
DOT : '.' ;

NUMBER
    : [0-9]+ ('.' [0-9]*)? EXPONENT?
    | '.' [0-9]+ EXPONENT?
    ;
fragment EXPONENT : [eE] [+-]? [0-9]+ ;

NAME : [a-zA-Z_] [a-zA-Z0-9_]* ;
STRING : '"' ~["\r\n]* '"' ;
// Lexical errors go to their own channel: the front end reports them once and the parser never sees them.
UNTERMINATED_STRING : '"' ~["\r\n]* -> channel(2) ;
ERROR_CHAR : . -> channel(2) ;
