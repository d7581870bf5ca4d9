package rules

import (
	"context"
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"
)

// The ...Context methods (DeadlineContext, StatusContext, TimelineContext,
// ReplayContext, ExplainContext, ExplainStatusContext) decide as the methods without the suffix do, and stop when
// their context is done: between rules of a chain, between the events of
// a timeline and the cases of a replay, and inside an expression every
// interruptEvery iterations of a comprehension. The error then wraps
// ctx.Err(), so errors.Is(err, context.DeadlineExceeded) tells a decision
// cut short by a deadline; it has no class of its own (fault.Of says
// internal), since it says nothing about the input. A context that is
// never done (context.Background()) costs nothing: the methods without the
// suffix pass it.

// interruptEvery is how many iterations of a CEL comprehension run between
// two checks of the context (cel.InterruptCheckFrequency).
const interruptEvery = 100

// interruptible makes the evaluations on frame stop when ctx is done. A
// context that is never done leaves the frame as it is.
func interruptible(ctx context.Context, frame *interpreter.ExecutionFrame) error {
	if ctx.Done() == nil {
		return nil
	}
	if err := frame.SetContext(ctx, interruptEvery); err != nil {
		return fmt.Errorf("%w: %w", ErrEvaluation, err)
	}
	return nil
}

// evalIn evaluates p on v, under ctx when ctx can be done.
func evalIn(ctx context.Context, p cel.Program, v *vars) (ref.Val, *cel.EvalDetails, error) {
	if ctx.Done() == nil {
		return p.Eval(v)
	}
	return p.ContextEval(ctx, v)
}

// evalErrorIn is evalError, except for an evaluation interrupted because
// ctx is done: its error wraps ctx.Err() and neither ErrEvaluation nor
// ErrCostLimit.
func evalErrorIn(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("%s: %w", what, cerr)
	}
	return evalError(what, err)
}
