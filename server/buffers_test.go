package server

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
)

func TestEncodeJSON(t *testing.T) {
	tests := []struct {
		name string
		v    any
	}{
		{"a decision", answer.Decision{DecisionID: "0123456789abcdef", Revision: "r", Result: map[string]any{"a": 1}}},
		{"HTML characters are escaped as json.Marshal escapes them", map[string]string{"x": "<a & b>"}},
		{"an instant", answer.At(time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.v)
			require.NoError(t, err)
			buf := bytes.NewBufferString("kept:")
			require.NoError(t, encodeJSON(buf, tt.v))
			assert.Equal(t, "kept:"+string(want), buf.String(), "no trailing newline")
		})
	}
	t.Run("an error leaves the buffer as it was", func(t *testing.T) {
		buf := bytes.NewBufferString("kept")
		err := encodeJSON(buf, answer.At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)))
		require.ErrorIs(t, err, answer.ErrUnprintable)
		assert.Equal(t, "kept", buf.String())
	})
}

func TestBufferPool(t *testing.T) {
	b := getBuffer()
	b.WriteString("left over")
	putBuffer(b)
	assert.Zero(t, getBuffer().Len(), "a buffer comes back empty")
	big := bytes.NewBuffer(make([]byte, 0, maxPooledBuffer+1))
	big.WriteString("big")
	putBuffer(big)
	assert.Equal(t, "big", big.String(), "a buffer past the cap is left as it is, not pooled")
}
