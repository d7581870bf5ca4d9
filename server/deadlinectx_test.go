package server

import (
	"context"
	"net/http/httptest"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitDone waits for ctx to be done, failing after a bound far past any
// deadline of these tests (a guard against a hang, not a timing).
func waitDone(t *testing.T, ctx context.Context) {
	t.Helper()
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("Done never closed")
	}
}

func TestDeadlineContextErr(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
		cancel  bool // cancel the parent
		release bool
		done    bool // ask for Done first
		want    error
	}{
		{"before the deadline", time.Hour, false, false, false, nil},
		{"before the deadline, Done asked", time.Hour, false, false, true, nil},
		{"past the deadline, no timer", -time.Millisecond, false, false, false, context.DeadlineExceeded},
		{"past the deadline, Done asked", -time.Millisecond, false, false, true, context.DeadlineExceeded},
		{"parent cancelled", time.Hour, true, false, false, context.Canceled},
		{"parent cancelled, Done asked", time.Hour, true, false, true, context.Canceled},
		{"released", time.Hour, false, true, false, context.Canceled},
		{"released, Done asked", time.Hour, false, true, true, context.Canceled},
		{"released past the deadline", -time.Millisecond, false, true, false, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent, cancel := context.WithCancel(context.Background())
			defer cancel()
			ctx := withDeadline(parent, tt.timeout)
			release := ctx.release
			defer release()
			if tt.done {
				_ = ctx.Done()
			}
			if tt.cancel {
				cancel()
			}
			if tt.release {
				release()
			}
			require.ErrorIs(t, ctx.Err(), tt.want)
			if tt.want == nil {
				require.NoError(t, ctx.Err())
				select {
				case <-ctx.Done():
					t.Fatal("done before its deadline")
				default:
				}
				return
			}
			waitDone(t, ctx)
			assert.ErrorIs(t, ctx.Err(), tt.want, "Done does not change the error")
			assert.ErrorIs(t, context.Cause(ctx), tt.want, "the cause agrees")
		})
	}
}

func TestDeadlineContextDoneAtTheDeadline(t *testing.T) {
	ctx := withDeadline(context.Background(), 30*time.Millisecond)
	defer ctx.release()
	dl, ok := ctx.Deadline()
	require.True(t, ok)
	require.Nil(t, ctx.inner.Load(), "no timer before Done is asked")
	done := ctx.Done()
	require.NotNil(t, ctx.inner.Load())
	assert.Equal(t, done, ctx.Done(), "one channel")
	waitDone(t, ctx)
	// Err compares the monotonic clock with dl: a Done closed early would
	// find Err still nil here.
	assert.ErrorIs(t, ctx.Err(), context.DeadlineExceeded, "closed at or after the deadline %v", dl)
}

func TestDeadlineContextParentPropagates(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	ctx := withDeadline(parent, time.Hour)
	release := ctx.release
	defer release()
	child, stop := context.WithCancel(ctx) // as CEL's evaluation derives one
	defer stop()
	cancel()
	waitDone(t, ctx)
	waitDone(t, child)
	assert.ErrorIs(t, ctx.Err(), context.Canceled)
	assert.ErrorIs(t, child.Err(), context.Canceled)
}

func TestDeadlineContextNoGoroutines(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	before := runtime.NumGoroutine()
	var releases []func()
	for i := range 200 {
		ctx := withDeadline(parent, time.Hour)
		release := ctx.release
		releases = append(releases, release)
		if i%2 == 0 {
			child, stop := context.WithCancel(ctx)
			_ = child.Done()
			defer stop()
		}
	}
	during := runtime.NumGoroutine()
	for _, release := range releases {
		release()
	}
	assert.LessOrEqual(t, during, before, "a derived context starts no goroutine to watch its parent")
	assert.LessOrEqual(t, runtime.NumGoroutine(), before)
}

func TestDeadlineContextAllocs(t *testing.T) {
	parent, cancel := context.WithCancel(context.Background())
	defer cancel()
	allocs := testing.AllocsPerRun(100, func() {
		ctx := withDeadline(parent, time.Minute)
		release := ctx.release
		if ctx.Err() != nil {
			t.Fatal("done early")
		}
		release()
	})
	assert.LessOrEqual(t, allocs, 1.0, "the context itself, no timer")
}

func TestExchangeOf(t *testing.T) {
	at := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	sw := &statusWriter{ResponseWriter: httptest.NewRecorder(), start: at}
	x, start := exchangeOf(sw)
	assert.Same(t, &sw.x, x, "the server's writer holds the exchange")
	assert.Equal(t, at, start, "and when the request arrived")
	x.ctx.init(context.Background(), at)
	again, _ := exchangeOf(sw)
	assert.NotSame(t, &sw.x, again, "an exchange in use is not handed out twice")
	other, now := exchangeOf(httptest.NewRecorder())
	assert.NotNil(t, other)
	assert.False(t, now.IsZero(), "another writer: a new exchange, now")
}

// Done, Err, Value and release may be called at once (run with -race):
// one timed context is made, and every caller sees the context end.
func TestDeadlineContextConcurrent(t *testing.T) {
	ctx := withDeadline(context.Background(), time.Hour)
	done := make(chan (<-chan struct{}), 8)
	for range 8 {
		go func() {
			_ = ctx.Err()
			_ = ctx.Value(decisionHeader)
			done <- ctx.Done()
		}()
	}
	first := <-done
	ctx.release()
	for range 7 {
		assert.Equal(t, first, <-done, "one channel for every caller")
	}
	waitDone(t, ctx)
	assert.ErrorIs(t, ctx.Err(), context.Canceled)
}
