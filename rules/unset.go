package rules

import (
	"fmt"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
)

// unsetInstants makes reading an unset instant of the input (a zero
// time.Time field: a case without case.opened, a contract without
// contract.renewal) an evaluation error rather than a date. cel-go's native
// types read a zero time.Time as the Unix epoch, which would make a missing
// date indistinguishable from 1970-01-01T00:00:00Z; has(case.opened) stays
// false for it, so expressions can test for it.
func unsetInstants(env *cel.Env) (*cel.Env, error) {
	return cel.CustomTypeProvider(unsetProvider{env.CELTypeProvider()})(env)
}

// unsetProvider wraps the environment's provider so that the timestamp
// fields of the input types refuse to be read when unset.
type unsetProvider struct{ types.Provider }

// unsetErrs names, for each input type with timestamp fields, the variable
// it is seen as and the error an unset field wraps.
var unsetErrs = map[string]struct {
	variable string
	err      error
}{
	"tiercel.Case":     {"case", ErrInvalidCase},
	"tiercel.Contract": {"contract", ErrInvalidContract},
}

// FindStructFieldType implements types.Provider.
func (p unsetProvider) FindStructFieldType(structType, fieldName string) (*types.FieldType, bool) {
	ft, ok := p.Provider.FindStructFieldType(structType, fieldName)
	u, input := unsetErrs[structType]
	if !ok || !input || ft.Type.Kind() != types.TimestampKind || ft.IsSet == nil || ft.GetFrom == nil {
		return ft, ok
	}
	get, isSet := ft.GetFrom, ft.IsSet
	wrapped := *ft
	wrapped.GetFrom = func(obj any) (any, error) {
		if !isSet(obj) {
			return nil, fmt.Errorf("%w: %s.%s is not set", u.err, u.variable, fieldName)
		}
		return get(obj)
	}
	return &wrapped, true
}
