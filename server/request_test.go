package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeStrict(t *testing.T) {
	tests := []struct {
		name, body, field, msg string
	}{
		{"empty", "  ", "", "empty"},
		{"syntax", `{"tier": }`, "", "malformed JSON at byte"},
		{"cut short", `{"tier": "a"`, "", "ends inside a value"},
		{"unknown", `{"tier":"a","colour":1}`, "colour", `unknown field "colour"`},
		{"type", `{"tier":["a"]}`, "tier", "tier must be a string, not a JSON array"},
		{"trailing", `{"tier":"a"} 1`, "", "more than one JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q QuoteRequest
			err := decodeStrict([]byte(tt.body), &q)
			he := classify(err)
			assert.Equal(t, 400, he.status)
			assert.Equal(t, tt.field, he.field)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	var q QuoteRequest
	require.NoError(t, decodeStrict([]byte(`{"tier":"a","spend":"1 USD"}`), &q))
	assert.Equal(t, "a", q.Tier)
}

func TestReadBodyLimit(t *testing.T) {
	for _, n := range []int{10, 11} {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(strings.Repeat("x", n)))
		b, err := readBody(httptest.NewRecorder(), req, 10)
		if n <= 10 {
			require.NoError(t, err)
			assert.Len(t, b, n)
			continue
		}
		assert.Equal(t, http.StatusRequestEntityTooLarge, classify(err).status)
	}
}

func TestCheckJSON(t *testing.T) {
	assert.NoError(t, checkJSON("case", []byte(` {"a":1} `)))
	assert.Error(t, checkJSON("case", []byte(`a: 1`)))
	assert.Error(t, checkJSON("case", []byte(`[1]`)))
	assert.Error(t, checkJSON("case", []byte(`{"a":}`)))
}
