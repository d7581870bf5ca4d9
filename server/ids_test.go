package server

import (
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIDSource(t *testing.T) {
	hex16 := regexp.MustCompile(`^[0-9a-f]{16}$`)
	t.Run("16 hex digits, distinct under concurrency", func(t *testing.T) {
		src := newIDSource()
		const goroutines, each = 8, 2000
		ids := make([][]string, goroutines)
		var wg sync.WaitGroup
		for g := range ids {
			wg.Go(func() {
				for range each {
					ids[g] = append(ids[g], src.next())
				}
			})
		}
		wg.Wait()
		seen := map[string]bool{}
		for _, list := range ids {
			for _, id := range list {
				require.Regexp(t, hex16, id)
				seen[id] = true
			}
		}
		assert.Len(t, seen, goroutines*each)
	})
	t.Run("two sources start apart", func(t *testing.T) {
		assert.NotEqual(t, newIDSource().next(), newIDSource().next(), "a random key a process")
	})
	t.Run("consecutive ids do not look consecutive", func(t *testing.T) {
		src := &idSource{}
		a, b := src.next(), src.next()
		assert.NotEqual(t, a[:12], b[:12], "the counter is mixed into every digit")
	})
}

func TestDecisionID(t *testing.T) {
	t.Run("the server's writer keeps one id a request", func(t *testing.T) {
		w := &statusWriter{ResponseWriter: httptest.NewRecorder()}
		id := decisionID(w)
		assert.Len(t, id, 16)
		assert.Equal(t, id, decisionID(w))
		assert.NotEqual(t, id, decisionID(&statusWriter{ResponseWriter: httptest.NewRecorder()}))
	})
	t.Run("another writer gets a new id a call", func(t *testing.T) {
		w := httptest.NewRecorder()
		assert.NotEqual(t, decisionID(w), decisionID(w))
	})
}
