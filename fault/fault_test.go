package fault_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/tiercel/tiercel/fault"
)

var (
	errTier  = fault.New(fault.Undecidable, "unknown tier")
	errFile  = fault.New(fault.BadInput, "invalid catalog")
	errLimit = fault.New(fault.Limit, "duration overflow")
)

// positioned is an error type with a class of its own, like a positioned
// error of an input file.
type positioned struct{ cause error }

func (p positioned) Error() string      { return "f.yaml:1:2: " + p.cause.Error() }
func (p positioned) Unwrap() error      { return p.cause }
func (p positioned) Class() fault.Class { return fault.BadInput }

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want fault.Class
	}{
		{"nil is internal", nil, fault.Internal},
		{"unclassified is internal", errors.New("boom"), fault.Internal},
		{"a sentinel", errTier, fault.Undecidable},
		{"wrapped", fmt.Errorf("case 3: %w", errLimit), fault.Limit},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", errTier)), fault.Undecidable},
		{"outermost wins", fmt.Errorf("%w: %w", errFile, errTier), fault.BadInput},
		{"positioned type wins over its cause", positioned{fmt.Errorf("tier: %w", errTier)}, fault.BadInput},
		{"joined: first classed", errors.Join(errors.New("x"), errLimit, errTier), fault.Limit},
		{"unclassified wrapper of classed", fmt.Errorf("x: %w", errors.Join(errors.New("y"), fmt.Errorf("z: %w", errTier))), fault.Undecidable},
		{"join of unclassified", errors.Join(errors.New("x"), errors.New("y")), fault.Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fault.Of(tt.err))
		})
	}
}

func TestNewIsASentinel(t *testing.T) {
	a, b := fault.New(fault.Limit, "same"), fault.New(fault.Limit, "same")
	assert.Equal(t, "same", a.Error(), "the message is the text, unchanged")
	assert.ErrorIs(t, fmt.Errorf("w: %w", a), a)
	assert.NotErrorIs(t, a, b, "two sentinels with one text are distinct")
}

func TestClassString(t *testing.T) {
	want := map[fault.Class]string{
		fault.Internal: "internal", fault.BadRequest: "bad request", fault.BadInput: "bad input file",
		fault.Undecidable: "undecidable", fault.Limit: "limit exceeded", fault.Class(9): "class(9)",
	}
	for c, s := range want {
		t.Run(s, func(t *testing.T) { assert.Equal(t, s, c.String()) })
	}
	var zero fault.Class
	assert.Equal(t, fault.Internal, zero, "the zero value is Internal")
	assert.Len(t, fault.Classes(), 5)
}

func ExampleOf() {
	// A package declares its sentinels with a class...
	errUnknownTier := fault.New(fault.Undecidable, "unknown tier")
	// ...returns them wrapped with details...
	err := fmt.Errorf("%w %q", errUnknownTier, "gold")
	// ...and a caller maps the class to an exit or HTTP status.
	fmt.Println(err, "->", fault.Of(err))
	fmt.Println(errors.New("no class"), "->", fault.Of(errors.New("no class")))
	// Output:
	// unknown tier "gold" -> undecidable
	// no class -> internal
}
