package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	celcommon "cel.dev/cel-go/common"
	"cel.dev/cel-go/common/types"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/interpreter"
	"go.yaml.in/yaml/v3"
)

// The parsed, not yet cross-checked, contents of catalog files. Every
// definition keeps where it was written.

type expr struct {
	src  string
	node *yaml.Node
	dec  *decoder
	at   pos
}

func (d *decoder) expr(f field) *expr {
	s, ok := d.Str(f)
	if !ok {
		return nil
	}
	if len(s) > maxExprLength {
		d.Fail(f.Value, f.Path, nil, "expression longer than %d bytes", maxExprLength)
		return nil
	}
	return &expr{src: s, node: f.Value, dec: d, at: d.At(f.Value, f.Path)}
}

type compiler struct {
	env  *cel.Env
	errs ErrorList
	// compiled holds each expression compiled without error, by its text
	// and wanted type: a catalog that repeats a condition (an imported
	// helpdesk policy's filter, once per metric and target) compiles it
	// once. A cel.Program is immutable and shared safely.
	compiled map[exprKey]compiledExpr
	// shapes holds the first expression compiled of each shape (see
	// shapeOf), from which the others of the shape are made.
	shapes map[shapeKey]*shaped
	// textOnly compiles every expression from its text, none from its
	// shape: what tests compare the shapes' results with.
	textOnly bool
	// fromShapes counts the expressions made from their shape.
	fromShapes int
}

// exprKey is an expression's text and the type it must have.
type exprKey struct{ src, want string }

// compiledExpr is a compiled expression and its estimated cost.
type compiledExpr struct {
	prg  cel.Program
	cost uint64
}

func (c *compiler) add(e *Error) { c.errs = append(c.errs, e) }

// claim records that the id of a kind (a calendar, a tier, ...) is defined
// at at, in seen, which holds where each id of that kind was first defined
// in any file. An id defined before is an error pointing at the first
// definition, and claim reports false.
func (c *compiler) claim(seen map[string]pos, kind, id string, at pos) bool {
	if prev, dup := seen[id]; dup {
		c.add(at.Errorf(nil, "duplicate %s %q (first defined at %s)", kind, id, prev.Short()))
		return false
	}
	seen[id] = at
	return true
}

func (c *compiler) program(ast *cel.Ast) (cel.Program, error) {
	opts := append([]cel.ProgramOption{cel.EvalOptions(cel.OptOptimize), cel.CostLimit(runtimeCostLimit), cel.InterruptCheckFrequency(interruptEvery)}, boundedRegexes...)
	return c.env.Program(ast, opts...)
}

// compileExpr checks x (see checkExpr) and makes its program.
func (c *compiler) compileExpr(x *expr, want *cel.Type) (cel.Program, bool) {
	prg, _, ok := c.compileExprCost(x, want)
	return prg, ok
}

// compileExprCost is compileExpr that also returns the expression's
// estimated worst-case cost.
func (c *compiler) compileExprCost(x *expr, want *cel.Type) (cel.Program, uint64, bool) {
	var key exprKey
	if x != nil {
		key = exprKey{x.src, want.String()}
		if hit, ok := c.compiled[key]; ok {
			return hit.prg, hit.cost, true
		}
	}
	prg, cost, ok := c.compileShaped(x, want)
	if !ok {
		var ast *cel.Ast
		if ast, cost, ok = c.checkExpr(x, want); !ok {
			return nil, 0, false
		}
		var err error
		if prg, err = c.program(ast); err != nil {
			c.add(x.at.Errorf(err, "%v", err))
			return nil, 0, false
		}
		c.noteShape(x, want, ast)
	}
	if c.compiled == nil {
		c.compiled = map[exprKey]compiledExpr{}
	}
	c.compiled[key] = compiledExpr{prg, cost}
	return prg, cost, true
}

// checkExpr compiles x alone, reports its errors at their position in the
// YAML file, and checks that its type is want and its cost is bounded. It
// returns the checked expression and its estimated worst-case cost.
func (c *compiler) checkExpr(x *expr, want *cel.Type) (*cel.Ast, uint64, bool) {
	if x == nil {
		return nil, 0, false
	}
	ast, iss := c.env.Compile(x.src)
	if iss != nil && len(iss.Errors()) > 0 {
		for _, ce := range iss.Errors() {
			c.addIn(x, ce.Location, nil, ce.Message)
		}
		return nil, 0, false
	}
	if !typeFits(ast, want) {
		c.add(x.at.Errorf(nil, "must be %s, got %s", typeName(want), typeName(ast.OutputType())))
		return nil, 0, false
	}
	if !c.checkRegexes(x, ast) {
		return nil, 0, false
	}
	est, err := c.env.EstimateCost(ast, sizeEstimator{})
	if err != nil {
		c.add(x.at.Errorf(ErrCostLimit, "cannot estimate cost: %v", err))
		return nil, 0, false
	}
	if est.Max > maxEstimatedCost {
		c.add(x.at.Errorf(ErrCostLimit, "expression too expensive: estimated cost up to %d exceeds the limit %d", est.Max, maxEstimatedCost))
		return nil, 0, false
	}
	return ast, est.Max, true
}

// addIn reports an error at a location within expression x.
func (c *compiler) addIn(x *expr, loc celcommon.Location, cause error, msg string) {
	line, col := x.dec.ExprPos(x.node, x.src, exprOffset(x.src, loc.Line(), loc.Column()))
	at := x.at
	at.Line, at.Column = line, col
	c.add(at.Errorf(cause, "%s", msg))
}

// typeFits reports whether the checked expression a has the type want (or
// dyn, which is checked when it runs).
func typeFits(a *cel.Ast, want *cel.Type) bool {
	return a.OutputType().IsExactType(want) || a.OutputType().IsExactType(cel.DynType)
}

// checkRegexes reports, at the pattern, the constant patterns of matches in
// a that do not compile or whose program is too large to match in bounded
// time.
func (c *compiler) checkRegexes(x *expr, a *cel.Ast) bool {
	ok := true
	info := a.NativeRep().SourceInfo()
	eachBadRegex(a, func(pat ast.Expr, err error) {
		var cause error
		if regexTooLarge(err) {
			cause = ErrCostLimit
		}
		c.addIn(x, info.GetStartLocation(pat.ID()), cause, err.Error())
		ok = false
	})
	return ok
}

// eachBadRegex calls bad with each constant pattern of matches in a that
// does not compile or whose program is too large, and the error.
func eachBadRegex(a *cel.Ast, bad func(pat ast.Expr, err error)) {
	ast.PostOrderVisit(a.NativeRep().Expr(), ast.NewExprVisitor(func(e ast.Expr) {
		if e.Kind() != ast.CallKind || e.AsCall().FunctionName() != overloads.Matches || len(e.AsCall().Args()) == 0 {
			return
		}
		args := e.AsCall().Args()
		pat := args[len(args)-1]
		if pat.Kind() != ast.LiteralKind {
			return
		}
		if s, isString := pat.AsLiteral().(types.String); isString {
			if _, err := compileRegex(string(s)); err != nil {
				bad(pat, err)
			}
		}
	}))
}

// celTypeNames maps the Go names of the CEL variables' native types to the
// names catalogs see.
var celTypeNames = map[string]string{
	"rules.celCase": "tiercel.Case", "rules.celAccount": "tiercel.Account", "rules.celMoney": "tiercel.Money",
	"rules.celContract": "tiercel.Contract", "rules.celTier": "tiercel.Tier", "rules.celPrincipal": "tiercel.Principal", "rules.celEvent": "tiercel.Event",
}

func typeName(t *cel.Type) string {
	switch {
	case t.IsExactType(cel.BoolType):
		return "bool"
	case t.IsExactType(cel.TimestampType):
		return "a timestamp"
	}
	if n, ok := celTypeNames[t.TypeName()]; ok {
		return n
	}
	return t.String()
}

// exprOffset turns a CEL location (1-based line, 0-based rune column) into a
// rune offset within src. It reads only the lines before line and allocates
// nothing.
func exprOffset(src string, line, col int) int {
	off := 0
	for i := 1; ; i++ {
		l, rest, more := strings.Cut(src, "\n")
		if i == line {
			return off + col
		}
		off += len([]rune(l)) + 1 // counts runes without converting
		if !more {
			return off
		}
		src = rest
	}
}

// evalBool evaluates a bool expression.
func evalBool(p cel.Program, v *vars, what string) (bool, error) {
	b, _, err := evalBoolCost(context.Background(), p, v, what)
	return b, err
}

// evalBoolCost is evalBool under ctx (see evalIn) that also returns the
// evaluation's actual cost (zero when the program does not track it).
func evalBoolCost(ctx context.Context, p cel.Program, v *vars, what string) (bool, uint64, error) {
	out, det, err := evalIn(ctx, p, v)
	var cost uint64
	if c := det.ActualCost(); c != nil {
		cost = *c
	}
	if err != nil {
		return false, cost, evalErrorIn(ctx, what, err)
	}
	b, ok := out.Value().(bool)
	if !ok {
		return false, cost, fmt.Errorf("%s: %w: got %s, want bool", what, ErrEvaluation, out.Type().TypeName())
	}
	return b, cost, nil
}

// evalTime evaluates a timestamp expression. Reading an unset instant of
// the input fails in the evaluation itself (see unsetInstants), so every
// result, the Unix epoch and 0001-01-01T00:00:00Z too, is an instant.
func evalTime(p cel.Program, v *vars, what string) (time.Time, error) {
	out, _, err := p.Eval(v)
	if err != nil {
		return time.Time{}, evalError(what, err)
	}
	t, ok := out.Value().(time.Time)
	if !ok {
		return time.Time{}, fmt.Errorf("%s: %w: got %s, want a timestamp", what, ErrEvaluation, out.Type().TypeName())
	}
	return t, nil
}

// evalError wraps cost-limit failures of an evaluation in ErrCostLimit and
// every other failure in ErrEvaluation.
func evalError(what string, err error) error {
	var cancelled interpreter.EvalCancelledError
	if errors.As(err, &cancelled) && cancelled.Cause == interpreter.CostLimitExceeded {
		return fmt.Errorf("%s: %w: %w", what, ErrCostLimit, err)
	}
	return fmt.Errorf("%s: %w: %w", what, ErrEvaluation, err)
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

var noAttrs = map[string]any{}

func attrs(m map[string]any) map[string]any {
	if m == nil {
		return noAttrs
	}
	return m
}
