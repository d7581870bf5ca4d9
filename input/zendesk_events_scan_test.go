package input

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Columns count runes, as yaml.v3 counts them, and a position before the
// last one asked is counted again from the start.
func TestZscanLineCol(t *testing.T) {
	src := []byte("{\"a\": \"é€\", \"b\": 1,\n \"c\": [\"😀\", 2]}")
	z := newZscan("p.json", src, newRowErrors("p.json", ErrInvalidZendeskEvents))
	tests := []struct {
		name      string
		off       int
		line, col int
	}{
		{"the start", 0, 1, 1},
		{"after two- and three-byte runes", len("{\"a\": \"é€\", "), 1, 13},
		{"the next line", len("{\"a\": \"é€\", \"b\": 1,\n "), 2, 2},
		{"after a four-byte rune", len("{\"a\": \"é€\", \"b\": 1,\n \"c\": [\"😀\", "), 2, 13},
		{"back on the first line", 1, 1, 2},
		{"past the end", 1000, 2, 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, col := z.lineCol(tt.off)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{line, col})
		})
	}
}

func TestZpath(t *testing.T) {
	tests := []struct {
		path zpath
		want string
	}{
		{pathOf("audits[3]"), "audits[3]"},
		{pathOf("audits[3]").with("created_at"), "audits[3].created_at"},
		{zpath{base: "audits[3]", event: 2}.with("value"), "audits[3].events[2].value"},
		{pathOf("ticket_metric_events[0]").with("sla").with("policy"), "ticket_metric_events[0].sla.policy"},
		{pathOf("ticket_metric_events[0]").with("sla").with("policy").with("title"), "ticket_metric_events[0].sla.policy.title"},
		{zpath{event: -1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.path.String())
		})
	}
}

// runes counts as utf8.DecodeRune reads, rune by rune, on random bytes:
// ASCII runs, runes of every length and invalid bytes.
func TestRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 9))
	parts := []string{"a", "abcdefgh", strings.Repeat("x", 40), "é", "€", "😀", "\xff", "\xe2\x82", "\n"}
	for range 2_000 {
		var b []byte
		for range rng.IntN(20) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		want := 0
		for i := 0; i < len(b); want++ {
			_, size := utf8.DecodeRune(b[i:])
			i += size
		}
		require.Equal(t, want, runes(b), "%q", b)
	}
}
