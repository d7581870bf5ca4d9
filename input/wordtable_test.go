package input

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWordTable(t *testing.T) {
	var numbers []string
	for n := range 1000 {
		numbers = append(numbers, strconv.Itoa(n))
	}
	tab := newWordTable([]string{"", "audits", "ticket_id", "é"}, numbers, []string{"audits"})
	tests := []struct {
		name, word string
		found      bool
	}{
		{"a key", "ticket_id", true},
		{"the empty word", "", true},
		{"a number", "999", true},
		{"a rune", "é", true},
		{"a prefix", "ticket_i", false},
		{"another case", "Audits", false},
		{"an unknown number", "1000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := tab.find([]byte(tt.word))
			require.Equal(t, tt.found, ok)
			if ok {
				assert.Equal(t, tt.word, w)
			}
		})
	}
	n := 0
	for _, s := range tab.slots {
		n += len(s)
	}
	assert.Equal(t, 1004, n, "every word once")
	_, ok := (*wordTable)(nil).find([]byte("audits"))
	assert.False(t, ok, "a nil table holds none")
}

// A word found costs no allocation.
func TestWordTableAllocs(t *testing.T) {
	tab := newWordTable([]string{"ticket_metric_events"})
	b := []byte("ticket_metric_events")
	assert.Zero(t, testing.AllocsPerRun(100, func() { tab.find(b) }))
}
