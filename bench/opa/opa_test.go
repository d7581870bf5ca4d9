package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOPAHandler(t *testing.T) {
	h, err := opaHandler(context.Background(), targets{"gold": {"P1": "1h 24x7"}})
	require.NoError(t, err)
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"a pair of the table", `{"input":{"tier":"gold","priority":"P1"}}`, 200, `{"result":"1h 24x7"}`},
		{"a priority the tier lacks", `{"input":{"tier":"gold","priority":"P4"}}`, 200, `{}`},
		{"an unknown tier", `{"input":{"tier":"tin","priority":"P1"}}`, 200, `{}`},
		{"malformed JSON", `{"input":`, 400, `invalid_parameter`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/data/tiercel/target", strings.NewReader(tt.body)))
			assert.Equal(t, tt.status, rec.Code)
			assert.Contains(t, strings.TrimSpace(rec.Body.String()), tt.want)
		})
	}
}

// BenchmarkOPAHandler is one decision through OPA's handler in process, as
// server's BenchmarkDeadlineHandler is one deadline through tiercel's: the
// handlers' own cost, without HTTP on loopback.
func BenchmarkOPAHandler(b *testing.B) {
	h, err := opaHandler(context.Background(), targets{"enhanced": {"P2": "4h business"}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/data/tiercel/target", strings.NewReader(`{"input":{"tier":"enhanced","priority":"P2"}}`)))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}
