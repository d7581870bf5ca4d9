// Command opa measures tiercel's decision service and Open Policy Agent
// side by side, in one process and one run, with the same load generator
// (tiercel's internal/loadgen): tiercel answers deadline, quote and
// timeline decisions; OPA answers the decision a deadline starts from,
// tier x priority -> response target, written in Rego, from a table taken
// from tiercel's own answers, twice: from its own server (the runtime of
// `opa run --server`, with that command's defaults) and from a lean
// stand-in, OPA's rego package prepared once behind a hand-written
// net/http handler of the data API's shape, less work than OPA's server
// does, so the stricter peer. All listen on 127.0.0.1.
//
// The generator is loadgen's lean HTTP/1.1 client (-nethttp: net/http's
// client), the same for every server. After the table it writes the
// ratios of tiercel's deadline throughput to each OPA's, whether each goal
// of issue 21 is met on this run against each, the CPU a request of every
// row and the load average around the run.
// -cpuprofile writes a CPU profile of each scenario. -opa-log-level is
// OPA's server's --log-level: info, the command's default, formats an
// access log line as JSON when a request arrives and when it is answered
// (the bench discards them, as it does tiercel's log); error turns them off.
//
// -rate N sends every scenario at a constant N requests a second in all
// (loadgen's Config.Rate), each latency measured from its request's
// scheduled send time, so the p99 is the one at that rate, not at
// saturation; the default, 0, is the closed loop, as fast as each server
// answers. At a constant rate the throughput ratios say nothing (every
// server is sent the same rate) and only the CPU a request is compared.
//
// It is its own module, so OPA never enters tiercel's go.mod. Run it from
// bench/opa:
//
//	go run . -clients 64 -requests 300000 -duration 10s
//	go run . -clients 64 -rate 20000 -duration 10s -requests 300000
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/tiercel/tiercel/internal/loadgen"
	"github.com/tiercel/tiercel/server"
)

// options bound one measurement run.
type options struct {
	clients  int
	requests int
	duration time.Duration
	warmup   int
	profile  string // a CPU profile a scenario is written to profile-<n>.prof; "": none
	netHTTP  bool   // the generator sends with net/http's client, not loadgen's lean one
	opaLog   string // OPA's server's --log-level: info (its default), debug or error
	rate     int    // requests a second each scenario is sent at; 0: the closed loop
}

func main() {
	var o options
	flag.IntVar(&o.clients, "clients", 64, "concurrent keep-alive clients")
	flag.IntVar(&o.requests, "requests", 300000, "requests per scenario, at most")
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "time per scenario, at most")
	flag.IntVar(&o.warmup, "warmup", 5000, "requests sent before each scenario is measured")
	flag.IntVar(&o.rate, "rate", 0, "send each scenario at a constant `N` requests a second (latency from the scheduled send); 0: closed loop, as fast as answered")
	flag.BoolVar(&o.netHTTP, "nethttp", false, "send with net/http's client instead of loadgen's lean HTTP/1.1 client")
	flag.StringVar(&o.opaLog, "opa-log-level", "info", "OPA's server's --log-level (info, its default, logs each request; error does not); its log is discarded")
	flag.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of each scenario's measured run to `prefix`-<n>.prof")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "opa bench:", err)
		os.Exit(1)
	}
}

// scenario is one server and decision under load.
type scenario struct {
	name string
	reqs []loadgen.Request
}

// run starts the servers, measures every scenario and writes a markdown
// table of the results (with the CPU time of the whole process a request,
// a figure less bent by other programs on a shared machine), then the
// ratios of tiercel's deadline throughput to OPA's server's and to the
// rego stand-in's.
func run(ctx context.Context, w io.Writer, o options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := server.New(server.Config{Logger: quiet, MaxInFlight: 4096})
	if err != nil {
		return err
	}
	tURL, err := serve(ctx, func(ctx context.Context, ln net.Listener) error { return s.Serve(ctx, ln) })
	if err != nil {
		return err
	}
	table, err := tiercelTargets(ctx, tURL)
	if err != nil {
		return err
	}
	opa, err := startOPAServer(ctx, table, cmp.Or(o.opaLog, "info"), nil)
	if err != nil {
		return err
	}
	h, err := opaHandler(ctx, table)
	if err != nil {
		return err
	}
	oURL, err := serve(ctx, func(ctx context.Context, ln net.Listener) error { return serveHandler(ctx, ln, h) })
	if err != nil {
		return err
	}
	scenarios := []scenario{
		{"tiercel POST /v1/deadline", deadlineRequests(tURL+"/v1/deadline", table, false)},
		{"OPA POST /v1/data/tiercel/target (opa run --server)", deadlineRequests(opa.url+"/v1/data/tiercel/target", table, true)},
		{"OPA POST /v1/data/tiercel/target (rego stand-in)", deadlineRequests(oURL+"/v1/data/tiercel/target", table, true)},
		{"tiercel POST /v1/quote", []loadgen.Request{post(tURL+"/v1/quote", `{"tier":"enhanced","spend":"85000 USD"}`)}},
		{"tiercel POST /v1/timeline", []loadgen.Request{post(tURL+"/v1/timeline", timelineCase)}},
	}
	err = measure(ctx, w, o, scenarios)
	cancel()
	return errors.Join(err, opa.wait())
}

// measure runs each scenario after its warm-up, writes the table, then
// the ratios and the verdict on the goals. The first scenario is tiercel's
// deadline, the second OPA's server and the third the rego stand-in,
// measured one after the other so that what else the machine runs bends
// them alike.
func measure(ctx context.Context, w io.Writer, o options, scenarios []scenario) error {
	client := "loadgen's lean HTTP/1.1 client"
	if o.netHTTP {
		client = "net/http's client"
	}
	if o.rate > 0 {
		client += fmt.Sprintf(", at a constant %d/s, latency from each request's scheduled send", o.rate)
	}
	load0 := loadAverage()
	fmt.Fprintf(w, "%d clients (%s), at most %d requests or %s a scenario, GOMAXPROCS %d, GOGC %s (all servers and the generator: one process)\n\n",
		o.clients, client, o.requests, o.duration, runtimeProcs(), gcPercent())
	fmt.Fprintln(w, "| server and decision | answered | failures | req/s | p50 | p99 | max | CPU µs/req | GC cycles |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	rows := make([]row, 0, len(scenarios))
	for i, sc := range scenarios {
		r, err := measureOne(ctx, o, sc, i)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, r)
		if r.Failures > 0 {
			return fmt.Errorf("%s: %d failures, e.g. %s", sc.name, r.Failures, r.Example)
		}
		rows = append(rows, r)
	}
	writeVerdict(w, rows[0], []peer{{"OPA server", rows[1]}, {"OPA rego stand-in", rows[2]}}, load0, loadAverage())
	return ctx.Err()
}

// measureOne warms a scenario up, then measures it, with its CPU profile
// when o asks for one.
func measureOne(ctx context.Context, o options, sc scenario, n int) (row, error) {
	if o.warmup > 0 {
		if _, err := loadgen.Run(ctx, loadgen.Config{Clients: o.clients, Requests: o.warmup, NetHTTP: o.netHTTP}, sc.reqs); err != nil {
			return row{}, err
		}
	}
	stopProfile, err := startProfile(o.profile, n)
	if err != nil {
		return row{}, err
	}
	cpu0, gc0 := cpuTime(), gcCycles()
	r, err := loadgen.Run(ctx, loadgen.Config{Clients: o.clients, Requests: o.requests, Duration: o.duration, NetHTTP: o.netHTTP, Rate: o.rate}, sc.reqs)
	cpu, gcs := cpuTime()-cpu0, gcCycles()-gc0
	stopProfile()
	return row{name: sc.name, Result: r, cpu: cpu / time.Duration(max(r.Requests, 1)), gcs: gcs}, err
}

// serve listens on 127.0.0.1:0, runs serveOn on it until ctx is done and
// returns its base URL.
func serve(ctx context.Context, serveOn func(context.Context, net.Listener) error) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = serveOn(ctx, ln) }()
	return "http://" + ln.Addr().String(), nil
}

// serveHandler serves h on ln with the timeouts tiercel's service uses
// until ctx is done.
func serveHandler(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := &http.Server{Handler: h, ReadTimeout: 10 * time.Second, WriteTimeout: 15 * time.Second, IdleTimeout: 60 * time.Second}
	go func() { <-ctx.Done(); _ = hs.Close() }()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
