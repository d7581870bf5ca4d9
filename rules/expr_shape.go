package rules

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"cel.dev/cel-go/cel"
	celcommon "cel.dev/cel-go/common"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// Conditions of one shape: an imported helpdesk's policies write the same
// filter again and again with other ids and names in it ("organization_id
// == 1001", "== 1002", ...). Parsing is most of what compiling such a
// condition costs, so the compiler parses and checks the first condition
// of each shape and makes the others from it by putting their literals in
// its place; CEL then checks the result again, and any failure (a type, a
// pattern, a cost) compiles the condition from its text instead, which
// reports the errors as before.

// exprShape is an expression's text with its simple literals taken out:
// the literals (decimal ints, strings without escapes) in the order
// written, and where each starts.
type exprShape struct {
	key  string    // the text, each simple literal replaced by a marker
	lits []ref.Val // the literals' values, in the order written
	at   []int32   // the code point offset of each literal (its quote or first digit)
}

// shapeOf returns the shape of src; false when src has what the shape
// does not follow safely (a comment, a quoted identifier, a string with
// escapes, a raw, bytes or triple-quoted string), which compiles from its
// text. Two texts of one key are the same tokens but for the values of the
// literals the key marks: every other character is the key's own, and a
// literal is marked only where CEL's lexer reads that literal (not inside
// an identifier, a number of another kind, or after a sign).
func shapeOf(src string) (exprShape, bool) {
	var sh exprShape
	if strings.IndexByte(src, 0) >= 0 {
		return sh, false // the key's marker
	}
	var key strings.Builder
	key.Grow(len(src))
	runes := int32(0) // code points before i
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '/', c == '`':
			return sh, false
		case c == '\'' || c == '"':
			n, ok := simpleString(src, i)
			if !ok {
				return sh, false
			}
			sh.lits, sh.at = append(sh.lits, types.String(src[i+1:i+n-1])), append(sh.at, runes)
			key.WriteByte(c)
			key.WriteByte(0)
			runes += int32(utf8.RuneCountInString(src[i : i+n]))
			i += n
			continue
		case identByte(c) && !digit(c):
			n := 1
			for i+n < len(src) && identByte(src[i+n]) {
				n++
			}
			if i+n < len(src) && (src[i+n] == '\'' || src[i+n] == '"') {
				return sh, false // r'...', b"...": raw or bytes
			}
			key.WriteString(src[i : i+n])
			runes += int32(n)
			i += n
			continue
		case digit(c):
			n := 1
			for i+n < len(src) && digit(src[i+n]) {
				n++
			}
			if v, ok := simpleInt(src, i, n); ok {
				sh.lits, sh.at = append(sh.lits, types.Int(v)), append(sh.at, runes)
				key.WriteString("\x001")
			} else {
				key.WriteString(src[i : i+n])
			}
			runes += int32(n)
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(src[i:])
		key.WriteString(src[i : i+size])
		runes++
		i += size
	}
	sh.key = key.String()
	return sh, true
}

// simpleString returns the length of the string literal at src[i] (a
// quote) when it is simple: one quote each side, no backslash, no line
// break, valid UTF-8, not triple-quoted.
func simpleString(src string, i int) (int, bool) {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		return 0, false
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case q:
			return j - i + 1, utf8.ValidString(src[i+1 : j])
		case '\\', '\n', '\r':
			return 0, false
		}
	}
	return 0, false
}

// simpleInt returns the value of the n digits at src[i] when CEL reads
// them as a decimal int literal on its own: not part of an identifier or
// of a float, uint or hex number, no leading zero, no sign before them,
// within int64.
func simpleInt(src string, i, n int) (int64, bool) {
	if i > 0 && (identByte(src[i-1]) || src[i-1] == '.') {
		return 0, false
	}
	if j := i + n; j < len(src) && (identByte(src[j]) || src[j] == '.') {
		return 0, false
	}
	if n > 1 && src[i] == '0' {
		return 0, false
	}
	if k := strings.TrimRight(src[:i], " \t\r\n\f"); strings.HasSuffix(k, "-") {
		return 0, false
	}
	v, err := strconv.ParseInt(src[i:i+n], 10, 64)
	return v, err == nil
}

func digit(c byte) bool { return '0' <= c && c <= '9' }
func identByte(c byte) bool {
	return digit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// shapeKey is a shape and the type its expressions must have.
type shapeKey struct{ shape, want string }

// shaped is the checked expression of the first text of a shape, and
// (once a second text of the shape comes) which of its nodes hold each
// literal of the shape.
type shaped struct {
	checked *cel.Ast
	first   exprShape     // the shape of the text checked
	nodes   map[int64]int // literal node id -> the index of its literal in the shape
	mapped  bool          // nodes is built
	usable  bool          // the literals are held by nodes one to one
}

// literalNodes maps, the first time it is called, the literal nodes of
// the checked expression to the literals of its shape by where they start;
// it reports whether every literal is held by at least one node of its
// value and no node of another, so that the shape's other texts can be
// made from it.
func (s *shaped) literalNodes() bool {
	if s.mapped {
		return s.usable
	}
	s.mapped = true
	native := s.checked.NativeRep()
	info := native.SourceInfo()
	byOffset := make(map[int32]int, len(s.first.at))
	for k, at := range s.first.at {
		byOffset[at] = k
	}
	s.nodes = map[int64]int{}
	held := make([]bool, len(s.first.lits))
	good := true
	ast.PostOrderVisit(native.Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.LiteralKind {
			return
		}
		off, ok := info.GetOffsetRange(e.ID())
		if !ok {
			return
		}
		if k, ok := byOffset[off.Start]; ok {
			lit := s.first.lits[k]
			good = good && e.AsLiteral().Type() == lit.Type() && e.AsLiteral().Equal(lit) == types.True
			s.nodes[e.ID()], held[k] = k, true
		}
	}))
	for _, h := range held {
		good = good && h
	}
	s.usable = good
	return good
}

// instantiate returns the checked expression of src, of shape sh: s's
// expression with sh's literals in place of its own, checked again.
func (s *shaped) instantiate(env *cel.Env, src string, sh exprShape) (*cel.Ast, bool) {
	opt, err := cel.NewStaticOptimizer(literalSwap{s.nodes, sh.lits}, cel.OptimizeWithSource(celcommon.NewTextSource(src)))
	if err != nil {
		return nil, false
	}
	a, iss := opt.Optimize(env, s.checked)
	if iss != nil && iss.Err() != nil {
		return nil, false
	}
	return a, a != nil
}

// literalSwap is the optimizer step of instantiate: the literal nodes
// (by id) get the literals given.
type literalSwap struct {
	nodes map[int64]int
	lits  []ref.Val
}

// Optimize implements cel.ASTOptimizer: it puts the literals in place of
// the nodes' own, in a (a copy the optimizer made).
func (l literalSwap) Optimize(ctx *cel.OptimizerContext, a *ast.AST) *ast.AST {
	ast.PostOrderVisit(a.Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if k, ok := l.nodes[e.ID()]; ok && e.Kind() == ast.LiteralKind {
			e.SetKindCase(ctx.NewLiteral(l.lits[k]))
		}
	}))
	return a
}

// compileShaped compiles x from the expression of its shape compiled
// before, if any: it reports whether it did, every check passed (type,
// patterns, cost) and the program made. It reports no error: what fails
// here compiles from the text, which reports it.
func (c *compiler) compileShaped(x *expr, want *cel.Type) (cel.Program, uint64, bool) {
	if x == nil || c.textOnly {
		return nil, 0, false
	}
	sh, ok := shapeOf(x.src)
	if !ok {
		return nil, 0, false
	}
	s := c.shapes[shapeKey{sh.key, want.String()}]
	if s == nil || !s.literalNodes() {
		return nil, 0, false
	}
	a, ok := s.instantiate(c.env, x.src, sh)
	if !ok || !typeFits(a, want) {
		return nil, 0, false
	}
	good := true
	eachBadRegex(a, func(ast.Expr, error) { good = false })
	if !good {
		return nil, 0, false
	}
	est, err := c.env.EstimateCost(a, sizeEstimator{})
	if err != nil || est.Max > maxEstimatedCost {
		return nil, 0, false
	}
	prg, err := c.program(a)
	if err != nil {
		return nil, 0, false
	}
	c.fromShapes++
	return prg, est.Max, true
}

// noteShape keeps a, x compiled from its text without error, as the
// expression of x's shape, unless the shape has one.
func (c *compiler) noteShape(x *expr, want *cel.Type, a *cel.Ast) {
	sh, ok := shapeOf(x.src)
	if !ok {
		return
	}
	k := shapeKey{sh.key, want.String()}
	if _, seen := c.shapes[k]; seen {
		return
	}
	if c.shapes == nil {
		c.shapes = map[shapeKey]*shaped{}
	}
	c.shapes[k] = &shaped{checked: a, first: sh}
}
