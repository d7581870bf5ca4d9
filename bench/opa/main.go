// Command opa measures tiercel's decision service and Open Policy Agent
// side by side, in one process and one run, with the same load generator
// (tiercel's internal/loadgen): tiercel answers deadline, quote and
// timeline decisions; OPA answers the decision a deadline starts from,
// tier x priority -> response target, written in Rego, from a table taken
// from tiercel's own answers. Both listen on 127.0.0.1.
//
// It is its own module, so OPA never enters tiercel's go.mod. Run it from
// bench/opa:
//
//	go run . -clients 64 -requests 300000 -duration 20s
package main

import (
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
}

func main() {
	var o options
	flag.IntVar(&o.clients, "clients", 64, "concurrent keep-alive clients")
	flag.IntVar(&o.requests, "requests", 300000, "requests per scenario, at most")
	flag.DurationVar(&o.duration, "duration", 20*time.Second, "time per scenario, at most")
	flag.IntVar(&o.warmup, "warmup", 5000, "requests sent before each scenario is measured")
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

// run starts both servers, measures every scenario and writes a markdown
// table of the results (with the CPU time of the whole process a request,
// a figure less bent by other programs on a shared machine), then the ratio of tiercel's deadline throughput
// to OPA's.
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
		{"tiercel POST /v1/quote", []loadgen.Request{post(tURL+"/v1/quote", `{"tier":"enhanced","spend":"85000 USD"}`)}},
		{"tiercel POST /v1/timeline", []loadgen.Request{post(tURL+"/v1/timeline", timelineCase)}},
		{"OPA POST /v1/data/tiercel/target (rego)", deadlineRequests(oURL+"/v1/data/tiercel/target", table, true)},
	}
	return measure(ctx, w, o, scenarios)
}

// measure runs each scenario after its warm-up and writes the table.
func measure(ctx context.Context, w io.Writer, o options, scenarios []scenario) error {
	fmt.Fprintf(w, "%d clients, at most %d requests or %s a scenario, GOMAXPROCS %d\n\n", o.clients, o.requests, o.duration, runtimeProcs())
	fmt.Fprintln(w, "| server and decision | answered | failures | req/s | p50 | p99 | max | CPU µs/req |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	rates := map[string]int64{}
	for _, sc := range scenarios {
		if o.warmup > 0 {
			if _, err := loadgen.Run(ctx, loadgen.Config{Clients: o.clients, Requests: o.warmup}, sc.reqs); err != nil {
				return err
			}
		}
		cpu0 := cpuTime()
		r, err := loadgen.Run(ctx, loadgen.Config{Clients: o.clients, Requests: o.requests, Duration: o.duration}, sc.reqs)
		if err != nil {
			return err
		}
		perReq := (cpuTime() - cpu0) / time.Duration(max(r.Requests, 1))
		fmt.Fprintf(w, "| %s | %d | %d | %d | %s | %s | %s | %d |\n", sc.name, r.Requests, r.Failures, r.PerSecond(), r.P50, r.P99, r.Max, perReq.Microseconds())
		if r.Failures > 0 {
			return fmt.Errorf("%s: %d failures, e.g. %s", sc.name, r.Failures, r.Example)
		}
		rates[sc.name] = r.PerSecond()
	}
	t, p := rates[scenarios[0].name], rates[scenarios[len(scenarios)-1].name]
	if p > 0 {
		fmt.Fprintf(w, "\ntiercel deadline / OPA target throughput: %d.%02dx\n", t/p, t*100/p%100)
	}
	return ctx.Err()
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
