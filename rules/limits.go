package rules

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/functions"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"cel.dev/cel-go/interpreter"
)

// CEL-Go charges a call's cost only after the call returns, so a regular
// expression or a format over a huge input would run to its end before the
// cost limit could stop it. The functions whose work grows with their input
// are bounded here before they run.
const (
	// maxRegexProgram bounds the size, in regexp/syntax instructions, of
	// a compiled pattern: constant patterns over it are compile errors,
	// patterns read from the input fail the evaluation with ErrCostLimit.
	maxRegexProgram = 1000
	// maxFormatSize bounds the elements and string bytes that one format
	// call may read, receiver included.
	maxFormatSize = 10_000
)

// costExceeded stops the evaluation as the cost tracker does, so the
// program's Eval returns an interpreter.EvalCancelledError that evalError
// wraps in ErrCostLimit.
func costExceeded(format string, args ...any) {
	panic(interpreter.EvalCancelledError{Cause: interpreter.CostLimitExceeded, Message: fmt.Sprintf(format, args...)})
}

// regexProgramSize is the number of instructions of pattern's compiled
// program, which bounds the work of matching each input byte.
func regexProgramSize(pattern string) (int, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return 0, err
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return 0, err
	}
	return len(prog.Inst), nil
}

// errRegexTooLarge is the error of a pattern whose program is over
// maxRegexProgram.
var errRegexTooLarge = errors.New("regular expression too large")

// regexTooLarge tells the errors of compileRegex about a pattern's size from
// those about its syntax.
func regexTooLarge(err error) bool {
	var se *syntax.Error
	return errors.Is(err, errRegexTooLarge) || errors.As(err, &se) && (se.Code == syntax.ErrLarge || se.Code == syntax.ErrNestingDepth)
}

// boundedRegex is a compiled pattern with its program size.
type boundedRegex struct {
	re   *regexp.Regexp
	size int
}

// compileRegex compiles pattern, refusing programs over maxRegexProgram.
func compileRegex(pattern string) (boundedRegex, error) {
	size, err := regexProgramSize(pattern)
	if err != nil {
		return boundedRegex{}, err
	}
	if size > maxRegexProgram {
		return boundedRegex{}, fmt.Errorf("%w: its program has %d instructions, over the limit %d", errRegexTooLarge, size, maxRegexProgram)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return boundedRegex{}, err
	}
	return boundedRegex{re: re, size: size}, nil
}

// match matches in after checking that the work, up to one step of every
// instruction per input byte, fits in the runtime cost limit.
func (b boundedRegex) match(in string) ref.Val {
	if cost := uint64(b.size) * uint64(len(in)+1); cost > runtimeCostLimit {
		costExceeded("matching a regular expression of %d instructions against %d bytes may cost %d, over the limit %d",
			b.size, len(in), cost, runtimeCostLimit)
	}
	return types.Bool(b.re.MatchString(in))
}

// matchesDynamic implements matches for a pattern known only at run time.
func matchesDynamic(in, pattern ref.Val) ref.Val {
	s, ok := in.(types.String)
	p, ok2 := pattern.(types.String)
	if !ok || !ok2 {
		return types.NoSuchOverloadErr()
	}
	if len(p) > maxExprLength {
		costExceeded("a regular expression of %d bytes is longer than the limit %d", len(p), maxExprLength)
	}
	b, err := compileRegex(string(p))
	if err != nil {
		if regexTooLarge(err) {
			costExceeded("%v", err)
		}
		return types.WrapErr(err)
	}
	return b.match(string(s))
}

// matchesConstant compiles the constant patterns of matches when a program
// is made, so they are compiled once and bounded like the others.
func matchesConstant(overload string) *interpreter.RegexOptimization {
	return &interpreter.RegexOptimization{
		Function:   overloads.Matches,
		OverloadID: overload,
		RegexIndex: 1,
		Factory: func(call interpreter.InterpretableCall, pattern string) (interpreter.InterpretableCall, error) {
			b, err := compileRegex(pattern)
			if err != nil {
				return nil, err
			}
			return interpreter.NewCall(call.ID(), call.Function(), call.OverloadID(), call.Args(), func(args ...ref.Val) ref.Val {
				s, ok := args[0].(types.String)
				if len(args) != 2 || !ok {
					return types.NoSuchOverloadErr()
				}
				return b.match(string(s))
			}), nil
		},
	}
}

// boundedRegexes are the program options that bound matches: every call
// gets an implementation that checks the pattern and input sizes before
// matching, then the calls with a constant pattern get one that compiles it
// once, when the program is made.
var boundedRegexes = []cel.ProgramOption{
	cel.CustomDecoratorV2(func(i interpreter.InterpretableV2) (interpreter.InterpretableV2, error) {
		call, ok := i.(interpreter.InterpretableCall)
		if !ok || call.Function() != overloads.Matches || len(call.Args()) != 2 {
			return i, nil
		}
		return interpreter.NewCall(call.ID(), call.Function(), call.OverloadID(), call.Args(), func(args ...ref.Val) ref.Val {
			return matchesDynamic(args[0], args[1])
		}), nil
	}),
	cel.OptimizeRegex(matchesConstant(overloads.Matches), matchesConstant(overloads.MatchesString)),
}

// boundedFunctions redeclares the input-bound functions of env (but
// matches, bound by boundedRegexes) with
// implementations that check their input's size before they run.
func boundedFunctions(env *cel.Env) ([]cel.EnvOption, error) {
	format, err := binding(env, "format", "string_format")
	if err != nil {
		return nil, err
	}
	return []cel.EnvOption{
		cel.Function("format",
			cel.MemberOverload("string_format", []*cel.Type{cel.StringType, cel.ListType(cel.DynType)}, cel.StringType,
				cel.BinaryBinding(func(f, args ref.Val) ref.Val {
					if n := valueSize(args, valueSize(f, 0)); n > maxFormatSize {
						costExceeded("format reads over %d elements and bytes, the limit", maxFormatSize)
					}
					return format(f, args)
				}))),
	}, nil
}

// binding finds the implementation of an overload of env.
func binding(env *cel.Env, fn, overload string) (functions.FunctionOp, error) {
	if d, ok := env.Functions()[fn]; ok {
		bs, err := d.Bindings()
		if err != nil {
			return nil, err
		}
		for _, b := range bs {
			if b.Operator == overload && b.Function != nil {
				return b.Function, nil
			}
		}
	}
	return nil, fmt.Errorf("no implementation of %s (%s)", fn, overload)
}

// valueSize adds to n the elements and string bytes of v, and stops counting
// once the total is over maxFormatSize, so it ends quickly on huge or
// self-referencing values.
func valueSize(v ref.Val, n int) int {
	n++
	if n > maxFormatSize {
		return n
	}
	switch x := v.(type) {
	case types.String:
		return n + len(x)
	case types.Bytes:
		return n + len(x)
	case traits.Mapper:
		for it := x.Iterator(); n <= maxFormatSize && it.HasNext() == types.True; {
			k := it.Next()
			n = valueSize(k, n)
			if val, found := x.Find(k); found {
				n = valueSize(val, n)
			}
		}
	case traits.Lister:
		for it := x.Iterator(); n <= maxFormatSize && it.HasNext() == types.True; {
			n = valueSize(it.Next(), n)
		}
	}
	return n
}
