// The math commands LaTeX, amsmath and amssymb define: what a BibTeX title may keep as written.
// Papers use their own macros in titles (\Bz, \Z, \ket); those would stop LaTeX with "Undefined
// control sequence", so the BibTeX writer spells them \mathrm{Bz} instead.

const NAMES = `
alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa varkappa lambda mu nu xi pi varpi rho
varrho sigma varsigma tau upsilon phi varphi chi psi omega digamma Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi
Psi Omega varGamma varDelta varTheta varLambda varXi varPi varSigma varUpsilon varPhi varPsi varOmega
sum prod coprod int iint iiint oint bigcup bigcap bigoplus bigotimes bigodot bigvee bigwedge biguplus bigsqcup
lim liminf limsup sup inf max min log ln lg exp sin cos tan cot sec csc sinh cosh tanh coth arcsin arccos arctan arg
deg det dim gcd hom ker Pr mod bmod pmod pod operatorname
leq le geq ge neq ne approx sim simeq cong equiv propto ll gg lesssim gtrsim leqslant geqslant leqq geqq lessgtr
gtrless nless ngtr nleq ngeq prec succ preceq succeq asymp doteq models vdash dashv perp parallel mid nmid
subset subseteq subsetneq supset supseteq supsetneq sqsubset sqsupset sqsubseteq sqsupseteq in notin ni not
to gets rightarrow leftarrow Rightarrow Leftarrow leftrightarrow Leftrightarrow longrightarrow longleftarrow
Longrightarrow Longleftarrow longleftrightarrow Longleftrightarrow mapsto longmapsto hookrightarrow hookleftarrow
uparrow downarrow updownarrow Uparrow Downarrow Updownarrow nearrow searrow swarrow nwarrow rightleftharpoons
leftrightarrows rightleftarrows rightharpoonup rightharpoondown leftharpoonup leftharpoondown iff implies impliedby
xrightarrow xleftarrow twoheadrightarrow rightsquigarrow leadsto
infty partial nabla hbar hslash ell wp Re Im aleph beth imath jmath emptyset varnothing forall exists nexists neg
lnot land lor wedge vee cap cup setminus smallsetminus sqcap sqcup uplus times div cdot cdots ldots dots dotsc dotsb
vdots ddots pm mp circ bullet star ast oplus ominus otimes oslash odot dagger ddagger amalg diamond triangle
triangleleft triangleright bigtriangleup bigtriangledown square blacksquare lozenge blacklozenge angle measuredangle
prime backprime top bot flat sharp natural clubsuit diamondsuit heartsuit spadesuit therefore because checkmark
smile frown bowtie triangleq circledast circledcirc boxplus boxtimes boxminus ltimes rtimes S P dag ddag
left right big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr middle langle rangle lceil rceil lfloor
rfloor lbrace rbrace lbrack rbrack vert Vert lvert rvert lVert rVert backslash colon ldotp cdotp
mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak mathnormal boldsymbol pmb text textrm textbf textit
textsf texttt textnormal textup textsc mbox hbox emph rm bf it sf tt cal mit
hat bar tilde vec dot ddot dddot check breve acute grave mathring widehat widetilde overline underline overbrace
underbrace overrightarrow overleftarrow overleftrightarrow underrightarrow underleftarrow
frac dfrac tfrac cfrac sqrt binom dbinom tbinom genfrac stackrel overset underset substack limits nolimits
displaystyle textstyle scriptstyle scriptscriptstyle quad qquad phantom vphantom hphantom mathstrut boxed
mathop mathrel mathbin mathord mathopen mathclose mathpunct over choose atop
`;

export const KNOWN_MATH_COMMANDS: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((name) => name !== ''));
