package rules

import (
	"slices"

	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/parser"
)

// What lint detects of CEL conditions, conservatively (a reported
// implication always holds; many that hold are not detected):
//
//   - a condition that is the literal true (with any parentheses or
//     spacing), or has a part joined by || that is (true && true), holds
//     for every event;
//   - two conditions are compared in CEL's canonical form (parsed and
//     printed again), so spacing, parentheses and quotes do not matter;
//   - a implies b when b is true, when they are the same, or when some
//     disjunct of b (its parts joined by ||) has every one of its
//     conjuncts (parts joined by &&) among the conjuncts of a: "x && y"
//     implies "x", "x" implies "x || z".
//
// Nothing else is reasoned about: "event.status == 'a'" does not imply
// "event.status != 'b'" for lint.

// isTrue reports whether the condition src is the literal true: one of
// its disjuncts is true, or true && true.
func isTrue(src string) bool {
	c, ok := canonical(src)
	if !ok {
		return false
	}
	for _, d := range c.disjuncts {
		if !slices.ContainsFunc(d, func(x string) bool { return x != "true" }) {
			return true
		}
	}
	return false
}

// implies reports whether every event that meets condition a meets
// condition b, as far as the rules above tell.
func implies(a, b string) bool {
	ca, okA := canonical(a)
	cb, okB := canonical(b)
	if !okA || !okB {
		return false
	}
	if isTrue(b) || ca.text == cb.text {
		return true
	}
	if len(ca.disjuncts) != 1 {
		return false // a is a disjunction: each of its parts would have to imply b
	}
	for _, d := range cb.disjuncts {
		if covers(ca.disjuncts[0], d) {
			return true
		}
	}
	return false
}

// celCondition is a CEL condition in canonical form: its text, and its
// disjuncts, each the canonical text of its conjuncts.
type celCondition struct {
	text      string
	disjuncts [][]string
}

// canonical parses src and returns its canonical form; false when it does
// not parse (a compiled catalog's conditions always do).
func canonical(src string) (celCondition, bool) {
	env, err := celEnv()
	if err != nil {
		return celCondition{}, false
	}
	parsed, iss := env.Parse(src)
	if iss != nil && iss.Err() != nil {
		return celCondition{}, false
	}
	native := parsed.NativeRep()
	info := native.SourceInfo()
	text, err := parser.Unparse(native.Expr(), info)
	if err != nil {
		return celCondition{}, false
	}
	c := celCondition{text: text}
	for _, d := range split(native.Expr(), operators.LogicalOr) {
		var conj []string
		for _, x := range split(d, operators.LogicalAnd) {
			s, err := parser.Unparse(x, info)
			if err != nil {
				return celCondition{}, false
			}
			conj = append(conj, s)
		}
		slices.Sort(conj)
		c.disjuncts = append(c.disjuncts, conj)
	}
	return c, true
}

// split returns the operands of a chain of the binary operator op (such as
// "_&&_"), flattened; e itself when it is no such call.
func split(e ast.Expr, op string) []ast.Expr {
	if e.Kind() != ast.CallKind || e.AsCall().FunctionName() != op {
		return []ast.Expr{e}
	}
	var out []ast.Expr
	for _, a := range e.AsCall().Args() {
		out = append(out, split(a, op)...)
	}
	return out
}
