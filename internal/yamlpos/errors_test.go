package yamlpos

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"full", &Error{Kind: errKind, File: "a.yaml", Line: 3, Column: 7, Path: "tiers.x", Msg: "bad"}, "a.yaml:3:7: tiers.x: bad"},
		{"no path", &Error{Kind: errKind, File: "a.yaml", Line: 1, Column: 1, Msg: "empty document"}, "a.yaml:1:1: empty document"},
		{"no position", &Error{Kind: errKind, File: "a.yaml", Msg: "unreadable"}, "a.yaml: unreadable"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
			assert.ErrorIs(t, tc.err, errKind)
		})
	}
}

func TestErrorUnwrapsItsCause(t *testing.T) {
	_, cause := slo.ParsePriority("P9")
	e := &Error{Kind: errKind, File: "a.yaml", Line: 1, Column: 1, Msg: cause.Error(), Err: cause}
	assert.ErrorIs(t, e, slo.ErrPriority)
	assert.ErrorIs(t, e, errKind)
	assert.NotErrorIs(t, e, errCause)
}

func TestErrorList(t *testing.T) {
	l := ErrorList{
		{Kind: errKind, File: "b.yaml", Line: 1, Column: 1, Msg: "third"},
		{Kind: errKind, File: "a.yaml", Line: 9, Column: 2, Msg: "second", Err: errCause},
		{Kind: errKind, File: "a.yaml", Line: 2, Column: 5, Msg: "first"},
	}
	err := l.Err()
	assert.Equal(t, "a.yaml:2:5: first\na.yaml:9:2: second\nb.yaml:1:1: third", err.Error())
	var first *Error
	require.True(t, errors.As(err, &first))
	assert.Equal(t, "first", first.Msg, "errors.As finds the first error by position")
	assert.ErrorIs(t, err, errCause, "errors.Is looks at every error of the list")
	assert.ErrorIs(t, err, errKind)

	t.Run("one error is still a list", func(t *testing.T) {
		one := ErrorList{{Kind: errKind, File: "a.yaml", Line: 1, Column: 1, Msg: "only"}}.Err()
		_, isList := one.(ErrorList)
		assert.True(t, isList)
		assert.Equal(t, "a.yaml:1:1: only", one.Error())
	})
	t.Run("no error", func(t *testing.T) {
		assert.NoError(t, ErrorList(nil).Err())
	})
}

func TestErrorListCap(t *testing.T) {
	// errs returns n distinct errors of file, each given twice.
	errs := func(file string, n int) ErrorList {
		var l ErrorList
		for i := range n {
			e := &Error{Kind: errKind, File: file, Line: i + 1, Column: 1, Msg: "bad", Err: errCause}
			dup := *e
			dup.Path = "through.an.alias"
			l = append(l, e, &dup)
		}
		return l
	}
	fatal := &Error{Kind: errKind, File: "z.yaml", Line: 9, Column: 9, Msg: "stop", fatal: true}
	tests := []struct {
		name     string
		list     ErrorList
		len      int
		dropped  int
		last     string
		hasFatal bool
	}{
		{"under the cap, repeats once", errs("a.yaml", 3), 3, 0, "a.yaml:3:1: bad", false},
		{"at the cap", errs("a.yaml", MaxErrors), MaxErrors, 0, "a.yaml:100:1: bad", false},
		{"over the cap", errs("a.yaml", 250), MaxErrors + 1, 150, "and 150 more errors", false},
		{"capped lists merged", append(append(errs("a.yaml", 10), moreErrors(40)), append(errs("b.yaml", 95), moreErrors(2))...), MaxErrors + 1, 40 + 2 + 5, "and 47 more errors", false},
		{"the fatal error is kept", append(errs("a.yaml", 150), fatal), MaxErrors + 1, 51, "and 51 more errors", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.list.Err()
			var l ErrorList
			require.True(t, errors.As(err, &l))
			assert.Len(t, l, tc.len)
			assert.Equal(t, tc.dropped, l.Dropped())
			assert.Equal(t, tc.last, l[len(l)-1].Error())
			assert.Equal(t, tc.last, err.Error()[strings.LastIndexByte(err.Error(), '\n')+1:])
			assert.Equal(t, tc.hasFatal, slices.Contains(l, fatal))
			var first *Error
			require.True(t, errors.As(err, &first))
			assert.Equal(t, "a.yaml:1:1: bad", first.Error())
			assert.ErrorIs(t, err, errCause)
			assert.ErrorIs(t, err, errKind)
		})
	}
}

var (
	errKind  = errors.New("invalid document")
	errCause = errors.New("a cause")
)

func TestPositionedErrorClass(t *testing.T) {
	cause := fault.New(fault.Undecidable, "unknown tier")
	kind := fault.New(fault.BadInput, "invalid catalog")
	e := &Error{File: "c.yaml", Line: 3, Column: 5, Msg: "unknown tier", Err: cause, Kind: kind}
	refused := &Error{File: "case.yaml", Line: 1, Column: 7, Msg: "unknown tier", Err: cause}
	tests := []struct {
		name string
		err  error
		want fault.Class
	}{
		{"one error", e, fault.BadInput},
		{"a list", ErrorList{e}, fault.BadInput},
		{"wrapped list", fmt.Errorf("loading: %w", ErrorList{e}), fault.BadInput},
		{"a decision refused, positioned in a well-formed file", ErrorList{refused}, fault.Undecidable},
		{"a malformed request in a file", &Error{File: "case.yaml", Err: fmt.Errorf("%w: %w", fault.New(fault.BadRequest, "invalid event"), cause)}, fault.BadInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fault.Of(tt.err))
			assert.ErrorIs(t, tt.err, cause, "the cause stays reachable")
		})
	}
	assert.Equal(t, fault.BadInput, fault.Of(&Error{File: "c.yaml", Msg: "empty document"}), "no cause")
	assert.Equal(t, fault.Internal, fault.Of(&Error{File: "case.yaml", Err: errors.New("x")}), "refused for an unclassified cause")
}
