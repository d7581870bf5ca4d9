package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildTiercel builds the tiercel command into a directory of the test and
// returns its path.
func buildTiercel(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build tiercel with")
	}
	bin := filepath.Join(t.TempDir(), "tiercel")
	out, err := exec.Command(gobin, "build", "-o", bin, "github.com/tiercel/tiercel/cmd/tiercel").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin
}

// outcome is how one request of a client ended.
type outcome int

const (
	answered       outcome = iota // a complete response: a decision (200) or 503 while draining
	refused                       // no connection: the listener was closed
	closedIdle                    // the server closed the connection as idle before it read the request, and answered nothing
	closedMidWrite                // the same, while the client was still writing the request (a broken pipe): nothing to resend from
	cutResponse                   // the response began and did not complete: an in-flight request dropped
	otherError
)

// request is what a client saw of one request.
type request struct {
	sent, done time.Time
	outcome    outcome
	status     int
	id         string // the decision id of a 200
	retry      bool   // sent with an Idempotency-Key
	err        string
}

// drive sends requests from one keep-alive client, round robin over
// bodies, until stop is closed or a connection is refused, and returns
// what each one got. With retry, each request carries an Idempotency-Key,
// with which net/http's client sends it again on a new connection when
// the server closed the old one as idle without reading it (deciding has
// no side effect: a decision may be asked again).
func drive(url string, bodies []string, stop <-chan struct{}, retry bool) []request {
	tr := &http.Transport{MaxIdleConnsPerHost: 1, MaxConnsPerHost: 1}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var out []request
	for i := 0; ; i++ {
		select {
		case <-stop:
			return out
		default:
		}
		path, body, _ := strings.Cut(bodies[i%len(bodies)], " ")
		out = append(out, sendOne(client, url+path, body, retry))
		if out[len(out)-1].outcome == refused {
			return out
		}
	}
}

func sendOne(client *http.Client, url, body string, retry bool) request {
	var gotConn, firstByte atomic.Bool // set by the transport's goroutines
	trace := &httptrace.ClientTrace{
		GotConn:              func(httptrace.GotConnInfo) { gotConn.Store(true) },
		GotFirstResponseByte: func() { firstByte.Store(true) },
	}
	r := request{sent: time.Now(), retry: retry}
	req, _ := http.NewRequestWithContext(httptrace.WithClientTrace(context.Background(), trace), http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if retry {
		req.Header.Set("Idempotency-Key", fmt.Sprint(r.sent.UnixNano()))
	}
	resp, err := client.Do(req)
	if err == nil {
		var d struct {
			DecisionID string `json:"decisionId"`
		}
		r.status = resp.StatusCode
		err = json.NewDecoder(resp.Body).Decode(&d)
		resp.Body.Close()
		r.id = d.DecisionID
	}
	r.done = time.Now()
	var op *net.OpError
	switch {
	case err == nil:
		r.outcome = answered
	case firstByte.Load():
		r.outcome = cutResponse
	case errors.As(err, &op) && op.Op == "dial":
		r.outcome = refused
	case gotConn.Load() && (strings.Contains(err.Error(), "server closed idle connection") || errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET)):
		r.outcome = closedIdle
	case gotConn.Load() && errors.Is(err, syscall.EPIPE):
		// The server closed the connection as idle (it had not read the
		// request) while the body was being written; Go's transport
		// resends only a request of which nothing was written, whatever
		// its Idempotency-Key.
		r.outcome = closedMidWrite
	default:
		r.outcome = otherError
	}
	if err != nil {
		r.err = err.Error()
	}
	return r
}

// sigtermRound is what one round of TestFaultSIGTERMUnderLoad counted.
type sigtermRound struct {
	requests, decided, drained503, refused, cut, other int
	closedIdle, closedIdleRetrying                     int // without and with an Idempotency-Key
	closedMidWrite                                     int // closed idle while the request was being written (never read)
	inFlightAtSignal                                   int // sent before SIGTERM, answered after it
	logged, loggedUnanswered                           int // decisions in the server's log; of those, not received
	drain                                              time.Duration
	exit                                               int
	example                                            string
}

// TestFaultSIGTERMUnderLoad runs the real tiercel binary, drives it from
// 64 keep-alive clients on 127.0.0.1 (deadlines, and replays of 100 cases
// that keep requests in flight), reloads it with SIGHUP halfway, and sends
// SIGTERM under load (10 rounds with -soak). No request the server began
// to answer is dropped: every response that began completes, and every
// decision in the server's decision log reached its client; the process
// exits 0 (a drain past --shutdown-timeout would not), and after it
// connections are refused. Requests written to a keep-alive connection
// the server was closing as idle are counted apart: the server never read
// them (none is in its log), and a client may retry them.
func TestFaultSIGTERMUnderLoad(t *testing.T) {
	bin := buildTiercel(t)
	rounds, run := sized(1, 10), time.Duration(sized(600, 2000))*time.Millisecond
	var total sigtermRound
	for i := range rounds {
		r := sigtermOnce(t, bin, run)
		require.Equal(t, 0, r.exit, "exit status")
		assert.Zero(t, r.cut, "responses cut mid-way: %s", r.example)
		assert.Zero(t, r.loggedUnanswered, "decisions made and not received")
		assert.Zero(t, r.other, "other errors: %s", r.example)
		assert.Zero(t, r.closedIdleRetrying, "a client that may retry (Idempotency-Key) is refused or answered, never left without either")
		assert.Positive(t, r.inFlightAtSignal, "requests were in flight at SIGTERM")
		assert.Equal(t, r.logged, r.decided, "every decision logged was received, and only those")
		t.Logf("round %d: %+v", i+1, r)
		total.requests += r.requests
		total.decided += r.decided
		total.drained503 += r.drained503
		total.refused += r.refused
		total.closedIdle += r.closedIdle
		total.closedIdleRetrying += r.closedIdleRetrying
		total.closedMidWrite += r.closedMidWrite
		total.cut += r.cut
		total.inFlightAtSignal += r.inFlightAtSignal
		total.drain = max(total.drain, r.drain)
	}
	figures(t, "SIGTERM", "%d round(s) of 64 clients, SIGTERM after %s: %d requests, %d decided (200), %d answered 503 while draining, %d in flight at SIGTERM and answered, %d cut (dropped), %d refused after; written to connections closed idle (never read): %d of the 32 clients without Idempotency-Key, %d of the 32 with it, %d more while still being written (broken pipe); longest drain %s, exit 0",
		rounds, run, total.requests, total.decided, total.drained503, total.inFlightAtSignal, total.cut, total.refused, total.closedIdle, total.closedIdleRetrying, total.closedMidWrite, total.drain.Round(time.Millisecond))
}

var servingAddr = regexp.MustCompile(`msg=serving addr=(\S+)`)

// sigtermOnce runs one round: start, load, SIGHUP, SIGTERM, count.
func sigtermOnce(t *testing.T, bin string, run time.Duration) sigtermRound {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/tiers.yaml")
	require.NoError(t, err)
	catalog := writeFile(t, dir, "tiers.yaml", string(src))
	dlog := filepath.Join(dir, "decisions.jsonl")
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--catalog", catalog, "--decision-log", dlog, "--shutdown-timeout", "10s", "--max-in-flight", "1024")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		close(lines)
	}()
	var addr string
	for addr == "" {
		line, ok := <-lines
		require.True(t, ok, "tiercel serve ended before it served")
		if m := servingAddr.FindStringSubmatch(line); m != nil {
			addr = m[1]
		}
	}
	url := "http://" + addr
	cases := strings.TrimSuffix(strings.Repeat(deadlineBody+",", 100), ",")
	bodies := []string{"/v1/deadline " + deadlineBody, "/v1/replay " + `{"from":"gold","to":"silver","cases":[` + cases + `]}`}

	stop := make(chan struct{})
	results := make([][]request, 64)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() { results[i] = drive(url, bodies, stop, i%2 == 1) })
	}
	time.Sleep(run / 2)
	require.NoError(t, cmd.Process.Signal(syscall.SIGHUP))
	time.Sleep(run / 2)
	signalled := time.Now()
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	waitErr := cmd.Wait()
	exited := time.Now()
	time.Sleep(100 * time.Millisecond) // the clients meet the closed listener
	close(stop)
	wg.Wait()
	_, dialErr := net.DialTimeout("tcp", addr, time.Second)
	assert.Error(t, dialErr, "connections are refused after exit")

	r := sigtermRound{drain: exited.Sub(signalled), exit: cmd.ProcessState.ExitCode()}
	if waitErr != nil && r.exit == 0 {
		r.exit = -1
	}
	received := countOutcomes(&r, results, signalled)
	reloaded := false
	for line := range lines {
		reloaded = reloaded || strings.Contains(line, "catalog reloaded")
	}
	assert.True(t, reloaded, "SIGHUP reloaded the catalog")
	countLogged(t, &r, dlog, received)
	return r
}

// countOutcomes adds the clients' requests to r and returns the decision
// ids received.
func countOutcomes(r *sigtermRound, results [][]request, signalled time.Time) map[string]bool {
	received := map[string]bool{}
	for _, rs := range results {
		for _, q := range rs {
			r.requests++
			switch q.outcome {
			case answered:
				switch q.status {
				case http.StatusOK:
					r.decided++
					received[q.id] = true
				case http.StatusServiceUnavailable:
					r.drained503++
				default: // a complete answer of any other status is a failure, not a drain
					r.other++
					if r.example == "" {
						r.example = fmt.Sprintf("status %d", q.status)
					}
				}
				if q.sent.Before(signalled) && q.done.After(signalled) {
					r.inFlightAtSignal++
				}
			case refused:
				r.refused++
			case closedMidWrite:
				r.closedMidWrite++
			case closedIdle:
				if q.retry {
					r.closedIdleRetrying++
				} else {
					r.closedIdle++
				}
			case cutResponse:
				r.cut++
			default:
				r.other++
			}
			if q.outcome >= cutResponse && r.example == "" {
				r.example = q.err
			}
		}
	}
	return received
}

// countLogged reads the decision log and counts its decisions, and those
// whose answer no client received.
func countLogged(t *testing.T, r *sigtermRound, path string, received map[string]bool) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e struct {
			Msg        string `json:"msg"`
			DecisionID string `json:"decisionId"`
			Error      any    `json:"error"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &e))
		if e.Msg != "decision" || e.Error != nil {
			continue
		}
		r.logged++
		if !received[e.DecisionID] {
			r.loggedUnanswered++
		}
	}
	require.NoError(t, sc.Err(), fmt.Sprintf("reading %s", path))
}

// TestCountOutcomes: every request a SIGTERM round sent is counted once,
// and a complete answer that is neither a decision nor a drain's 503 is a
// failure the round reports.
func TestCountOutcomes(t *testing.T) {
	signalled := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	before, after := signalled.Add(-time.Millisecond), signalled.Add(time.Millisecond)
	results := [][]request{
		{{sent: before, done: after, outcome: answered, status: 200, id: "a"}, {sent: before, done: before, outcome: answered, status: 503}},
		{{sent: after, done: after, outcome: answered, status: 500}, {outcome: refused}},
		{{outcome: closedIdle, retry: true}, {outcome: closedIdle}, {outcome: cutResponse, err: "unexpected EOF"}},
		{{outcome: closedMidWrite, retry: true, err: "write: broken pipe"}},
	}
	var r sigtermRound
	received := countOutcomes(&r, results, signalled)
	assert.Equal(t, map[string]bool{"a": true}, received)
	assert.Equal(t, sigtermRound{requests: 8, decided: 1, drained503: 1, refused: 1, cut: 1, other: 1, closedIdle: 1, closedIdleRetrying: 1, closedMidWrite: 1,
		inFlightAtSignal: 1, example: "status 500"}, r)
}
