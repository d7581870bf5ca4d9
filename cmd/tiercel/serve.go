package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/tiercel/tiercel/server"
)

var serveCommand = &command{
	name:     "serve",
	synopsis: "[--addr 127.0.0.1:8383] [--watch]",
	summary:  "answer every question over HTTP (JSON), with metrics, hot reload and drain",
	help: `Serve answers tiercel's questions over HTTP: POST /v1/deadline, status,
timeline, compare, replay, quote, eligibility, plan, entitlements, invoice
and allowed with a JSON body (the keys of the input files), GET
/v1/catalog, /healthz, /readyz, /metrics (Prometheus) and /openapi.json (the
OpenAPI 3.1 document of every route). Each answer carries a decision id and
the revision of the catalog that decided.

The catalog reloads on SIGHUP, and with --watch whenever its files change;
an invalid catalog keeps the last good one serving and is shown by /readyz.
SIGTERM or SIGINT stops accepting, lets in-flight requests finish within
--shutdown-timeout and exits 0.

Beyond loopback, serve refuses to listen without TLS (--tls-cert, --tls-key)
and bearer tokens (--auth-token-file) unless --insecure is given: anyone who
could reach it would read catalogs and prices and see decisions.`,
	example: `tiercel serve --catalog examples/custom-tiers/tiers.yaml --watch
tiercel serve --builtin aws --addr 127.0.0.1:9000 --decision-log - --redact email
tiercel serve --addr 0.0.0.0:8383 --insecure --check`,
	setup: serveSetup,
}

// serveFlags are the flags of serve beyond the common ones.
type serveFlags struct {
	addr, decisionLog string
	watch, insecure   bool
	check             bool
	redact            stringsFlag
	cfg               server.Config
}

func serveSetup(fs *flag.FlagSet) func(*cli, []string) error {
	f := &serveFlags{}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8383", "listen on `host:port`")
	fs.BoolVar(&f.watch, "watch", false, "reload the catalog and token files when they change")
	fs.BoolVar(&f.check, "check", false, "load the catalog, tokens and TLS files, check the address, and exit without serving")
	fs.BoolVar(&f.insecure, "insecure", false, "listen beyond loopback without TLS or tokens (behind a proxy that gives both)")
	fs.Int64Var(&f.cfg.MaxBody, "max-body", 1<<20, "largest request body in `bytes`")
	fs.IntVar(&f.cfg.MaxInFlight, "max-in-flight", 256, "decisions answered at once; past it, 503")
	fs.DurationVar(&f.cfg.RequestTimeout, "request-timeout", 10*time.Second, "per-request deadline")
	fs.DurationVar(&f.cfg.ShutdownTimeout, "shutdown-timeout", 10*time.Second, "how long to drain in-flight requests on SIGTERM")
	fs.StringVar(&f.cfg.TokenFile, "auth-token-file", "", "bearer tokens, one a `FILE` line; /v1 then needs one")
	fs.BoolVar(&f.cfg.AuthAll, "auth-all", false, "tokens also guard /healthz, /readyz, /metrics and /openapi.json")
	fs.StringVar(&f.cfg.TLSCert, "tls-cert", "", "PEM certificate `FILE`: serve TLS")
	fs.StringVar(&f.cfg.TLSKey, "tls-key", "", "PEM private key `FILE`")
	fs.StringVar(&f.cfg.TLSClientCA, "tls-client-ca", "", "PEM CA `FILE`: require client certificates it signed (mTLS)")
	fs.BoolVar(&f.cfg.NoPlayground, "no-playground", false, "serve no playground page at /")
	fs.StringVar(&f.cfg.CORSOrigin, "cors-origin", "", "the browser `origin` allowed to call (CORS off without it)")
	fs.StringVar(&f.decisionLog, "decision-log", "", "write each decision as a JSON line to `FILE`, or - for stderr")
	fs.Float64Var(&f.cfg.DecisionLogSample, "decision-log-sample", 1, "fraction of decisions logged, 0 < f <= 1")
	fs.Var(&f.redact, "redact", "attribute `KEY` whose values the decision log hides; repeatable")
	return func(c *cli, args []string) error {
		if len(args) > 0 {
			return usagef("serve takes no arguments, got %q", args)
		}
		return c.serve(f)
	}
}

// serveStarted, when set (tests), is called with the address serve
// listens on and a function that stops it as SIGTERM would.
var serveStarted func(addr string, stop func())

func (c *cli) serve(f *serveFlags) error {
	cfg := f.cfg
	cfg.Catalogs, cfg.Builtin = c.catalogs, c.builtin.name
	if cfg.DecisionLogSample <= 0 || cfg.DecisionLogSample > 1 {
		return usagef("--decision-log-sample must be in (0, 1], got %g", cfg.DecisionLogSample)
	}
	cfg.Redact = f.redact
	if err := server.CheckExposure(f.addr, cfg.TLSCert != "", cfg.TokenFile != "", f.insecure); err != nil {
		return err
	}
	cfg.Logger = slog.New(slog.NewTextHandler(c.stderr, nil))
	closeLog, err := c.decisionLog(f.decisionLog, &cfg)
	if err != nil {
		return err
	}
	defer closeLog()
	s, err := server.New(cfg)
	if err != nil || f.check {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return usagef("--addr %s: %v", f.addr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // before serving: a SIGHUP never kills the server
	defer signal.Stop(hup)
	go reloadOnHangup(ctx, s, hup)
	if f.watch {
		go func() {
			if err := s.Watch(ctx, 100*time.Millisecond); err != nil {
				cfg.Logger.Error("watching the catalog", "error", err.Error())
			}
		}()
	}
	cfg.Logger.Info("serving", "addr", ln.Addr().String(), "revision", s.Revision(), "tls", cfg.TLSCert != "")
	if serveStarted != nil {
		serveStarted(ln.Addr().String(), stop)
	}
	return s.Serve(ctx, ln)
}

// decisionLog opens --decision-log: "-" is stderr, a path is appended to.
func (c *cli) decisionLog(path string, cfg *server.Config) (func(), error) {
	switch path {
	case "":
		return func() {}, nil
	case "-":
		cfg.DecisionLog = c.stderr
		return func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, outputError{fmt.Errorf("--decision-log: %w", err)}
	}
	cfg.DecisionLog = f
	return func() { _ = f.Close() }, nil
}

// reloadOnHangup reloads s on each SIGHUP received on hup until ctx is
// done.
func reloadOnHangup(ctx context.Context, s *server.Server, hup <-chan os.Signal) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			_ = s.Reload() // a failure is logged and shown by /readyz
		}
	}
}
