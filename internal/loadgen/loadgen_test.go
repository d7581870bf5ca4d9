package loadgen

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		d := make([]time.Duration, len(v))
		for i, x := range v {
			d[i] = time.Duration(x) * time.Millisecond
		}
		return d
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	tests := []struct {
		name   string
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"median of four is the second", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"median of five is the third", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100 is the max", ms(hundred...), 100, 100 * time.Millisecond},
		{"p99 of ten is the max", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 99, 10 * time.Millisecond},
		{"p0 is no percentile", ms(1, 2), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Percentile(tt.sorted, tt.p))
		})
	}
}

// countingServer answers status to every request and counts requests and
// the connections they came on.
func countingServer(t *testing.T, status int, delay time.Duration) (*httptest.Server, *atomic.Int64, *atomic.Int64) {
	t.Helper()
	var reqs, conns atomic.Int64
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqs.Add(1)
		time.Sleep(delay)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	ts.Start()
	t.Cleanup(ts.Close)
	return ts, &reqs, &conns
}

// clientModes are the two clients a run can send with.
var clientModes = map[string]bool{"lean": false, "net/http": true}

func TestRunCountBound(t *testing.T) {
	tests := []struct {
		name              string
		status            int
		wantOK, wantFails int
	}{
		{"every request answered", 200, 300, 0},
		{"every request failing", 500, 0, 300},
	}
	for mode, netHTTP := range clientModes {
		for _, tt := range tests {
			t.Run(mode+"/"+tt.name, func(t *testing.T) {
				ts, reqs, conns := countingServer(t, tt.status, 0)
				r, err := Run(context.Background(), Config{Clients: 8, Requests: 300, NetHTTP: netHTTP}, []Request{
					{Method: "POST", URL: ts.URL + "/a", Body: []byte(`{}`)}, {Method: "GET", URL: ts.URL + "/b"},
				})
				require.NoError(t, err)
				assert.Equal(t, int64(300), reqs.Load(), "exactly the count")
				assert.Equal(t, tt.wantOK, r.Requests)
				assert.Equal(t, tt.wantFails, r.Failures)
				assert.LessOrEqual(t, conns.Load(), int64(16), "keep-alive: a connection a client, redialled rarely, not one a request")
				if tt.wantFails > 0 {
					assert.Contains(t, r.Example, "status 500")
				} else {
					assert.Positive(t, r.PerSecond())
					assert.LessOrEqual(t, r.P50, r.P99)
					assert.LessOrEqual(t, r.P99, r.Max)
				}
			})
		}
	}
}

func TestRunTimeBound(t *testing.T) {
	for mode, netHTTP := range clientModes {
		t.Run(mode, func(t *testing.T) {
			ts, reqs, _ := countingServer(t, 200, 5*time.Millisecond)
			r, err := Run(context.Background(), Config{Clients: 2, Requests: 1 << 30, Duration: 100 * time.Millisecond, NetHTTP: netHTTP}, []Request{{Method: "GET", URL: ts.URL}})
			require.NoError(t, err)
			assert.Less(t, reqs.Load(), int64(1000), "the duration stopped the run")
			assert.Zero(t, r.Failures, "requests cut by the time bound are not failures")
			assert.Positive(t, r.Requests)
			assert.GreaterOrEqual(t, r.P50, 5*time.Millisecond, "the latency includes the server's delay")
		})
	}
}

// TestRunRateCountBound: at a constant rate the count bound sends exactly
// its count, and request n is not sent before n/Rate: 400 at 2,000/s take
// at least 399 intervals of 500 µs, so the achieved rate cannot exceed
// the target (beyond the one interval the count spans less).
func TestRunRateCountBound(t *testing.T) {
	for mode, netHTTP := range clientModes {
		t.Run(mode, func(t *testing.T) {
			ts, reqs, conns := countingServer(t, 200, 0)
			r, err := Run(context.Background(), Config{Clients: 4, Requests: 400, Rate: 2000, NetHTTP: netHTTP}, []Request{{Method: "GET", URL: ts.URL}})
			require.NoError(t, err)
			assert.Equal(t, int64(400), reqs.Load(), "exactly the count")
			assert.Equal(t, 400, r.Requests)
			assert.Equal(t, 400, r.Scheduled, "the count bounds the schedule")
			assert.Equal(t, 2000, r.Rate)
			assert.GreaterOrEqual(t, r.Elapsed, 399*500*time.Microsecond, "the last request is scheduled at 199.5 ms")
			assert.LessOrEqual(t, r.PerSecond(), int64(400*2000/399), "no faster than the schedule")
			assert.LessOrEqual(t, conns.Load(), int64(8), "keep-alive connections")
			assert.LessOrEqual(t, r.P50, r.P99)
		})
	}
}

// TestRunRateTimeBound: no request is scheduled at or after the duration,
// so 1,000/s for 100 ms sends at most 100 however the machine runs.
func TestRunRateTimeBound(t *testing.T) {
	for mode, netHTTP := range clientModes {
		t.Run(mode, func(t *testing.T) {
			ts, reqs, _ := countingServer(t, 200, 0)
			r, err := Run(context.Background(), Config{Clients: 2, Requests: 1 << 30, Duration: 100 * time.Millisecond, Rate: 1000, NetHTTP: netHTTP}, []Request{{Method: "GET", URL: ts.URL}})
			require.NoError(t, err)
			assert.LessOrEqual(t, reqs.Load(), int64(100), "scheduled within the duration only")
			assert.LessOrEqual(t, r.Requests+r.Failures, r.Scheduled)
			assert.LessOrEqual(t, r.Scheduled, 100)
			assert.Zero(t, r.Failures, "requests cut by the time bound are not failures")
		})
	}
}

// TestRunRateNoCoordinatedOmission: one client at 1,000/s, and the server
// stalls 50 ms on the first request. Requests 1..49 are scheduled during
// the stall and can only be sent after it, so each latency, measured from
// its scheduled time, is at least 50 - n ms: that holds by the order of
// events, whatever the machine's speed. Of 100 requests the p99 is the
// second largest, at least request 1's 49 ms; measured from the actual
// send, as the closed loop does, it would be a fast request's.
func TestRunRateNoCoordinatedOmission(t *testing.T) {
	const stall = 50 * time.Millisecond
	for mode, netHTTP := range clientModes {
		t.Run(mode, func(t *testing.T) {
			var n atomic.Int64
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				if n.Add(1) == 1 {
					time.Sleep(stall)
				}
				_, _ = w.Write([]byte(`{}`))
			}))
			t.Cleanup(ts.Close)
			r, err := Run(context.Background(), Config{Clients: 1, Requests: 100, Rate: 1000, NetHTTP: netHTTP}, []Request{{Method: "GET", URL: ts.URL}})
			require.NoError(t, err)
			require.Equal(t, 100, r.Requests)
			assert.GreaterOrEqual(t, r.Max, stall, "the stalled request")
			assert.GreaterOrEqual(t, r.P99, stall-time.Millisecond, "request 1 waited for the stall: its wait counts")
			assert.GreaterOrEqual(t, r.MaxLag, stall-time.Millisecond, "request 1 was sent at least 49 ms late")
		})
	}
}

// TestRunClosedLoopHasNoSchedule: Rate 0 is the closed loop, with no
// schedule to report.
func TestRunClosedLoopHasNoSchedule(t *testing.T) {
	ts, _, _ := countingServer(t, 200, 0)
	r, err := Run(context.Background(), Config{Clients: 2, Requests: 50}, []Request{{Method: "GET", URL: ts.URL}})
	require.NoError(t, err)
	assert.Equal(t, 50, r.Requests)
	assert.Zero(t, r.Rate)
	assert.Zero(t, r.Scheduled)
	assert.Zero(t, r.MaxLag)
}

func TestPacer(t *testing.T) {
	p := pacer{rate: 3}
	assert.Equal(t, []time.Duration{0, 333333333, 666666666, time.Second, 1333333333}, []time.Duration{p.at(0), p.at(1), p.at(2), p.at(3), p.at(4)})
	assert.Equal(t, time.Duration(1<<20)*time.Second, pacer{rate: 1 << 20}.at(1<<40), "no overflow: n*1e9 would")
	assert.Equal(t, 0, p.slots(0))
	assert.Equal(t, 1, p.slots(1), "request 0 is scheduled at 0")
	assert.Equal(t, 3, p.slots(time.Second), "0, 1/3 and 2/3 s")
	assert.Equal(t, 4, p.slots(time.Second+1))
	p.limit = time.Second
	assert.Equal(t, 3, p.slots(time.Hour), "the limit bounds the schedule")
}

func TestRunInvalidConfig(t *testing.T) {
	for name, cfg := range map[string]Config{"no clients": {Requests: 1}, "no requests": {Clients: 1}, "negative rate": {Clients: 1, Requests: 1, Rate: -1}} {
		t.Run(name, func(t *testing.T) {
			_, err := Run(context.Background(), cfg, []Request{{Method: "GET", URL: "http://127.0.0.1:1"}})
			require.ErrorIs(t, err, ErrConfig)
		})
	}
	_, err := Run(context.Background(), Config{Clients: 1, Requests: 1}, nil)
	require.ErrorIs(t, err, ErrConfig, "no requests to send")
}

func TestResultString(t *testing.T) {
	r := Result{Requests: 2000, Elapsed: time.Second / 2, P50: time.Millisecond, P99: 3 * time.Millisecond, Max: 4 * time.Millisecond}
	assert.Equal(t, "2000 req in 500ms: 4000/s, p50 1ms, p99 3ms, max 4ms, 0 failures", r.String())
	assert.Zero(t, Result{}.PerSecond())
	r.Rate, r.Scheduled, r.MaxLag = 4000, 2000, 250*time.Microsecond
	assert.Equal(t, "2000 req in 500ms: 4000/s, p50 1ms, p99 3ms, max 4ms, 0 failures; at 4000/s: 2000 scheduled, sent at most 250µs late", r.String())
}
