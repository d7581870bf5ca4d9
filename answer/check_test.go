package answer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		name, doc, err string // err empty: the document keeps the convention
	}{
		{"money", `{"fee":{"amount":"6150.00","currency":"USD","minor":615000}}`, ""},
		{"duration", `{"d":{"seconds":-1,"nanos":-500000000,"text":"-1.5s"}}`, ""},
		{"signed zero", `{"d":{"seconds":0,"text":"0"}}`, ""},
		{"a currency alone is a field", `{"currency":"USD","months":"2026-01"}`, ""},
		{"text is text", `{"text":"4h","reasons":["the fee of 5000.00 USD a month"]}`, ""},
		{"a float", `{"n":1.5}`, "$.n: 1.5 is not an integer"},
		{"an exponent", `{"n":[1e3]}`, "$.n[0]: 1e3 is not an integer"},
		{"money as text", `{"total":"6150.00 USD"}`, `$.total: money "6150.00 USD" written as text`},
		{"a duration as text", `{"lines":[{"within":"4h"}]}`, `$.lines[0].within: duration "4h" written as text`},
		{"a signed duration as text", `{"max":"+64h"}`, `duration "+64h" written as text`},
		{"minor disagrees", `{"m":{"amount":"1.00","currency":"USD","minor":101}}`, "is 100 minor units, not 101"},
		{"minor missing", `{"m":{"amount":"1.00","currency":"USD"}}`, "money must be"},
		{"minor a float", `{"m":{"amount":"1.00","currency":"USD","minor":100.0}}`, "not 100.0"},
		{"text disagrees", `{"d":{"seconds":3600,"text":"2h"}}`, `text "2h" is not 3600 s 0 ns`},
		{"no text", `{"d":{"seconds":3600}}`, "duration must be"},
		{"zero nanos written", `{"d":{"seconds":1,"nanos":0,"text":"1s"}}`, "left out when zero"},
		{"nanos of another sign", `{"d":{"seconds":1,"nanos":-1,"text":"1s"}}`, "share the sign"},
		{"two documents", `{} {}`, "more than one JSON value"},
		{"not JSON", `{`, "unexpected EOF"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := Check([]byte(tt.doc))
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrConvention)
			assert.ErrorContains(t, err, tt.err)
		})
	}
	t.Run("text keys", func(t *testing.T) {
		doc := []byte(`{"mismatches":[{"want":"250.00 EUR","got":"4h"}]}`)
		assert.Error(t, Check(doc))
		assert.NoError(t, Check(doc, "want", "got"))
	})
}
