package rules

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every invalid catalog gives an ErrorList, even with one error, and each
// of its errors wraps ErrInvalidCatalog and, where one applies, its cause.
func TestCatalogErrorsAreLists(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		n     int
		cause error
	}{
		{"one", "tiers:\n  x:\n    name: X\n    response: {P1: 1h moon}\n", 1, nil},
		{"no tiers", "calendars: {}\n", 1, nil},
		{"several", "tiers:\n  x:\n    name: X\n    response: {P1: 1h moon}\nrules:\n  - id: r\n    when: 'true'\n    tiers: [nope]\n    within: 1h\n", 2, ErrUnknownTier},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile("t.yaml", []byte(tc.src))
			var l ErrorList
			require.True(t, errors.As(err, &l), "%T", err)
			assert.Len(t, l, tc.n)
			assert.ErrorIs(t, err, ErrInvalidCatalog)
			for _, e := range l {
				assert.ErrorIs(t, e, ErrInvalidCatalog)
			}
			if tc.cause != nil {
				assert.ErrorIs(t, err, tc.cause)
			}
			var first *Error
			require.True(t, errors.As(err, &first))
			assert.Equal(t, "t.yaml", first.File)
		})
	}
}
