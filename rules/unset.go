package rules

import (
	"fmt"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// unsetInstants makes reading an instant the input does not give (a
// contract without contract.renewal, case.opened where there is no case) an
// evaluation error rather than a date, and gives every instant the input
// does give as itself. cel-go's native types decide presence by the zero
// time.Time and read it as the Unix epoch, which would make
// 0001-01-01T00:00:00Z, an instant like any other, both absent and 1970;
// here presence is the input's (see instants): has(contract.renewal) is
// false for a contract without a renewal, true for one at the year 1.
func unsetInstants(env *cel.Env) (*cel.Env, error) {
	return cel.CustomTypeProvider(unsetProvider{env.CELTypeProvider()})(env)
}

// unsetProvider wraps the environment's provider so that the timestamp
// fields of the input types are read through instants.
type unsetProvider struct{ types.Provider }

// instants is implemented by the input types with timestamp fields: the
// value of the field named (its cel name) and whether the input gives it.
type instants interface {
	instant(field string) (time.Time, bool)
}

// unsetErrs names, for each input type with timestamp fields, the variable
// it is seen as and the error an unset field wraps.
var unsetErrs = map[string]struct {
	variable string
	err      error
}{
	"tiercel.Case":     {"case", ErrInvalidCase},
	"tiercel.Contract": {"contract", ErrInvalidContract},
	"tiercel.Event":    {"event", ErrInvalidEvent},
}

// instantOf reads the timestamp field of obj, a value of an input type as
// CEL holds it; false when the input does not give it.
func instantOf(obj any, field string) (time.Time, bool) {
	if v, ok := obj.(ref.Val); ok {
		obj = v.Value()
	}
	if x, ok := obj.(instants); ok {
		return x.instant(field)
	}
	return time.Time{}, false
}

// FindStructFieldType implements types.Provider.
func (p unsetProvider) FindStructFieldType(structType, fieldName string) (*types.FieldType, bool) {
	ft, ok := p.Provider.FindStructFieldType(structType, fieldName)
	u, input := unsetErrs[structType]
	if !ok || !input || ft.Type.Kind() != types.TimestampKind {
		return ft, ok
	}
	wrapped := *ft
	wrapped.IsSet = func(obj any) bool {
		_, set := instantOf(obj, fieldName)
		return set
	}
	wrapped.GetFrom = func(obj any) (any, error) {
		t, set := instantOf(obj, fieldName)
		if !set {
			return nil, fmt.Errorf("%w: %s.%s is not set", u.err, u.variable, fieldName)
		}
		return types.Timestamp{Time: t}, nil
	}
	return &wrapped, true
}
