package server

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHostileBodiesNever500 posts malformed and hostile bodies to every
// question: each gets a 4xx error answer, never a 500.
func TestHostileBodiesNever500(t *testing.T) {
	_, ts := testServer(t, Config{MaxBody: 64 << 10})
	bodies := []string{
		``, `null`, `[]`, `{}`, `"x"`, `1e999`, `{"tier":null}`, `{"tier":{}}`, "{\"tier\":\"\xff\xfe\"}",
		`{"contract":null,"at":"2026-01-01"}`, `{"contract":{},"at":"2026-01-01"}`, `{"contract":[],"at":"x"}`,
		`{"cases":null,"from":"a","to":"b"}`, `{"cases":[null],"from":"standard","to":"enhanced"}`, `{"principal":null,"action":"x"}`,
		`{"from":"standard","to":"enhanced","scope":{"from":"0001-01-01","to":"9999-12-31"}}`,
		`{"tier":"enhanced","priority":"P1","opened":"0001-01-01T00:00:00Z","now":"9999-12-31T23:59:59Z"}`,
		`{"tier":"enhanced","priority":"P1","opened":"2026-03-02","attrs":{"a":` + strings.Repeat(`[`, 5000) + strings.Repeat(`]`, 5000) + `}}`,
		`{"tier":"enhanced","spend":"99999999999999999999 USD"}`, `{"tier":"enhanced","spend":"1 USD","period":"2026-02-30"}`,
		`{"contract":{"tier":"looker-premier"},"months":"2026-01..2126-12","spends":[]}`,
		strings.Repeat(`{"a":`, 20000),
	}
	for _, q := range questions {
		for i, body := range bodies {
			status, v := post(t, ts.URL, "/v1/"+q.name, body)
			if status == 200 {
				continue
			}
			assert.True(t, status >= 400 && status < 500, "%s body %d: %d %v", q.name, i, status, v)
			assert.NotEmpty(t, errorOf(t, v)["code"])
		}
	}
}
