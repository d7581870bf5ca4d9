package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
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

// TestPooledBuffersConcurrently sends different decisions at once, with a
// decision log: every answer and every log line is its own request's, so
// no pooled body or answer is given back while still in use. Under -race
// it also fails when a buffer is given back before the decision log has
// read it (sync.Pool tells the race detector who had a buffer).
func TestPooledBuffersConcurrently(t *testing.T) {
	var logs syncBuffer
	_, ts := testServer(t, Config{DecisionLog: &logs})
	tiers, priorities := []string{"standard", "enhanced", "premium"}, []string{"P1", "P2", "P3", "P4"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 40 {
				tier, p := tiers[(g+i)%3], priorities[i%4]
				status, v := post(t, ts.URL, "/v1/deadline", `{"tier":"`+tier+`","priority":"`+p+`","opened":"2026-03-05T10:00:00Z","zone":"Europe/Berlin"}`)
				result, _ := v["result"].(map[string]any)
				if !assert.Equal(t, http.StatusOK, status, "%v", v) || !assert.Equal(t, tier, result["tier"]) || !assert.Equal(t, p, result["priority"]) {
					return
				}
			}
		})
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	require.Len(t, lines, 8*40)
	for _, line := range lines {
		var entry struct {
			Input  struct{ Tier, Priority string }
			Result struct{ Tier, Priority string }
		}
		require.NoError(t, json.Unmarshal([]byte(line), &entry))
		assert.Equal(t, entry.Input.Tier, entry.Result.Tier, line)
		assert.Equal(t, entry.Input.Priority, entry.Result.Priority, line)
	}
}

// syncBuffer is a bytes.Buffer safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestReadBodyTo(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		length int64 // -1: unknown (chunked)
		limit  int64
		pooled bool // read into the pooled buffer
		status int  // of the error; 0: none
	}{
		{"a known length read into the buffer", `{"a":1}`, 7, 100, true, 0},
		{"an unknown length read as io.ReadAll reads", `{"a":1}`, -1, 100, false, 0},
		{"a length past the pooled size read as io.ReadAll reads", strings.Repeat("x", maxPooledBuffer+1), maxPooledBuffer + 1, 1 << 20, false, 0},
		{"over the limit, length known", strings.Repeat("x", 101), 101, 100, true, http.StatusRequestEntityTooLarge},
		{"over the limit, length unknown", strings.Repeat("x", 101), -1, 100, false, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/v1/deadline", strings.NewReader(tt.body))
			r.ContentLength = tt.length
			buf := getBuffer()
			defer putBuffer(buf)
			got, err := readBodyTo(buf, httptest.NewRecorder(), r, tt.limit)
			if tt.status != 0 {
				var he *httpError
				require.ErrorAs(t, err, &he)
				assert.Equal(t, tt.status, he.status)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.body, string(got))
			assert.Equal(t, tt.pooled, buf.Len() > 0, "read into the pooled buffer")
		})
	}
}
