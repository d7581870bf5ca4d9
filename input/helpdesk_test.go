package input

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestFormatDuration(t *testing.T) {
	tests := map[time.Duration]string{
		90 * time.Minute: "1h30m", time.Hour: "1h", 45 * time.Minute: "45m", 90 * time.Second: "1m30s",
		72 * time.Hour: "72h", time.Second: "1s", 0: "0s",
	}
	for d, want := range tests {
		t.Run(want, func(t *testing.T) { assert.Equal(t, want, FormatDuration(d)) })
	}
}

// Whatever yamlString writes, YAML reads back as the same string.
func TestYAMLString(t *testing.T) {
	for _, s := range []string{"plain", `say "hi"`, `it's "x"`, "tab\there", `back\slash`, "é ü 日本", "line\nbreak", `'`, ` lead`} {
		t.Run(s, func(t *testing.T) {
			var got string
			require.NoError(t, yaml.Unmarshal([]byte("v: "+yamlString(s)), &struct{ V *string }{&got}))
			assert.Equal(t, s, got)
		})
	}
}

// A comment of several lines stays a comment, whatever it holds.
func TestWriteCatalogComments(t *testing.T) {
	im := &Import{Tier: "t", Header: []string{"one"}, Tables: []ImportTable{{Metric: "response", Comment: "a\nversion: 2\n", Targets: [5]string{1: "1h 24x7"}}}}
	var b strings.Builder
	require.NoError(t, im.WriteCatalog(&b))
	assert.Equal(t, "# one\nversion: 1\ntiers:\n  t:\n    name: \"t\"\n    # a\n    # version: 2\n    #\n    response:\n      P1: 1h 24x7\n", b.String())
}
