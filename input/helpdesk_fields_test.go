package input

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An integer is a JSON number without a fraction: not a string of digits,
// not 1.5.
func TestIntField(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{`"5"`, `must be an integer, got the string "5"`},
		{`1.5`, `must be an integer, got 1.5`},
		{`true`, `must be an integer, got true`},
		{`99999999999999999999`, `must be an integer, got 99999999999999999999`},
	} {
		t.Run(tc.value, func(t *testing.T) {
			_, err := ParseZendeskHolidays("h.json", []byte(`{"holidays": [{"id": `+tc.value+`, "name": "H", "start_date": "2026-01-01", "end_date": "2026-01-01"}]}`))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "holidays[0].id: "+tc.want)
		})
	}
}
