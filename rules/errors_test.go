package rules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"full", &Error{File: "a.yaml", Line: 3, Column: 7, Path: "tiers.x", Msg: "bad"}, "a.yaml:3:7: tiers.x: bad"},
		{"no path", &Error{File: "a.yaml", Line: 1, Column: 1, Msg: "empty document"}, "a.yaml:1:1: empty document"},
		{"no position", &Error{File: "a.yaml", Msg: "unreadable"}, "a.yaml: unreadable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
			assert.ErrorIs(t, tc.err, ErrInvalidCatalog)
		})
	}
}

func TestErrorUnwrapsItsCause(t *testing.T) {
	_, cause := slo.ParsePriority("P9")
	e := &Error{File: "a.yaml", Line: 1, Column: 1, Msg: cause.Error(), Err: cause}
	assert.ErrorIs(t, e, slo.ErrPriority)
	assert.ErrorIs(t, e, ErrInvalidCatalog)
	assert.NotErrorIs(t, e, ErrUnknownTier)
}

func TestErrorList(t *testing.T) {
	l := ErrorList{
		{File: "b.yaml", Line: 1, Column: 1, Msg: "third"},
		{File: "a.yaml", Line: 9, Column: 2, Msg: "second", Err: ErrUnknownTier},
		{File: "a.yaml", Line: 2, Column: 5, Msg: "first"},
	}
	err := l.err()
	assert.Equal(t, "a.yaml:2:5: first\na.yaml:9:2: second\nb.yaml:1:1: third", err.Error())
	var first *Error
	require.True(t, errors.As(err, &first))
	assert.Equal(t, "first", first.Msg, "errors.As finds the first error by position")
	assert.ErrorIs(t, err, ErrUnknownTier, "errors.Is looks at every error of the list")
	assert.ErrorIs(t, err, ErrInvalidCatalog)

	t.Run("one error is returned alone", func(t *testing.T) {
		one := ErrorList{{File: "a.yaml", Line: 1, Column: 1, Msg: "only"}}.err()
		_, isList := one.(ErrorList)
		assert.False(t, isList)
		assert.Equal(t, "a.yaml:1:1: only", one.Error())
	})
	t.Run("no error", func(t *testing.T) {
		assert.NoError(t, ErrorList(nil).err())
	})
}
