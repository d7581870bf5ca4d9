package server

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Config is how a Server runs. Its zero value serves the default catalog
// with the defaults documented on each field.
type Config struct {
	Catalogs []string // catalog files, merged as rules.Load merges them; none: Builtin
	Builtin  string   // a catalog shipped with tiercel (rules.Catalogs); "": the default catalog

	MaxBody         int64         // largest request body in bytes; 0: 1 MiB
	MaxInFlight     int           // decisions answered at once, past which a request gets 503; 0: 256
	RequestTimeout  time.Duration // per-request deadline; 0: 10s
	ReadTimeout     time.Duration // whole request read, headers and body; 0: 10s
	WriteTimeout    time.Duration // from the end of the headers to the end of the response; 0: 15s
	IdleTimeout     time.Duration // keep-alive connection idle; 0: 60s
	MaxHeaderBytes  int           // request header cap; 0: 64 KiB
	ShutdownTimeout time.Duration // how long Serve drains in-flight requests; 0: 10s

	TokenFile   string // bearer tokens, one a line; "": no token needed
	AuthAll     bool   // tokens also guard /healthz, /readyz, /metrics and /openapi.json
	TLSCert     string // PEM certificate file; with TLSKey, Serve speaks TLS
	TLSKey      string // PEM private key file
	TLSClientCA string // PEM CA bundle: client certificates required and verified (mTLS)
	CORSOrigin  string // the origin allowed to call from a browser; "": no CORS headers

	NoPlayground bool // no playground page at / (nor its /playground/ routes)

	DecisionLog       io.Writer // JSON lines of decisions; nil: none
	DecisionLogSample float64   // fraction of decisions logged, 0 < f <= 1; 0: every one
	Redact            []string  // attribute keys whose values decision logs replace by "[redacted]"

	Logger *slog.Logger     // operational logs; nil: slog.Default()
	Now    func() time.Time // the clock of load times and logs, never of decisions; nil: time.Now
}

func (c *Config) defaults() {
	set := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	if c.MaxBody <= 0 {
		c.MaxBody = 1 << 20
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = 256
	}
	set(&c.RequestTimeout, 10*time.Second)
	set(&c.ReadTimeout, 10*time.Second)
	set(&c.WriteTimeout, 15*time.Second)
	set(&c.IdleTimeout, 60*time.Second)
	set(&c.ShutdownTimeout, 10*time.Second)
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = 64 << 10
	}
	if c.DecisionLogSample <= 0 || c.DecisionLogSample > 1 {
		c.DecisionLogSample = 1
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// Server answers tiercel's questions over HTTP. It holds one catalog
// snapshot at a time, swapped whole by Reload. All its methods are safe
// for concurrent use. Make one with New; the zero value is not usable.
type Server struct {
	cfg      Config
	tls      *tls.Config
	cur      atomic.Pointer[snapshot]
	failed   atomic.Pointer[reloadFailure]
	tokens   atomic.Pointer[[][]byte]
	draining atomic.Bool
	inFlight atomic.Int64 // decisions being answered, at most MaxInFlight
	reloadMu sync.Mutex
	metrics  *metrics
	log      *slog.Logger
	dlog     *decisionLog
	handler  http.Handler

	beforeDecide func(r *http.Request) // tests: runs before each decision
}

// New loads the catalog (and token file, and TLS files) cfg names and
// returns a server ready to serve it. An invalid catalog is an error: a
// server never starts without one.
func New(cfg Config) (*Server, error) {
	cfg.defaults()
	s := &Server{cfg: cfg, log: cfg.Logger}
	s.metrics = newMetrics(func() float64 { return float64(s.inFlight.Load()) })
	tc, err := tlsConfig(&cfg)
	if err != nil {
		return nil, err
	}
	s.tls = tc
	snap, err := loadSnapshot(&s.cfg, cfg.Now())
	if err != nil {
		return nil, err
	}
	if cfg.TokenFile != "" {
		tokens, err := readTokens(cfg.TokenFile)
		if err != nil {
			return nil, err
		}
		s.tokens.Store(&tokens)
	}
	s.cur.Store(snap)
	s.metrics.setRevision("", snap.revision)
	s.dlog = newDecisionLog(cfg.DecisionLog, cfg.DecisionLogSample, cfg.Redact)
	s.handler = s.routes()
	return s, nil
}

func (s *Server) snapshot() *snapshot { return s.cur.Load() }
func (s *Server) now() time.Time      { return s.cfg.Now() }

// Revision returns the revision of the catalog serving now.
func (s *Server) Revision() string { return s.snapshot().revision }

// Handler returns the server's HTTP handler: every route, with metrics,
// panic recovery, tokens, CORS and the concurrency limit.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve answers requests on ln until ctx is done, then drains: it stops
// accepting, answers 503 to new requests on open connections, lets
// in-flight requests finish within ShutdownTimeout and returns nil, or the
// error of a drain that did not finish in time. With TLSCert it speaks
// TLS on ln. The server's timeouts and header cap guard against slow or
// greedy clients.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    s.cfg.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if s.tls != nil {
		hs.TLSConfig = s.tls
		ln = tls.NewListener(ln, s.tls)
	}
	// Draining starts once the listener is closed: a client told 503 and
	// "Connection: close" reconnects, and must then be refused rather than
	// queued in the listen backlog that closing the listener resets.
	hs.RegisterOnShutdown(func() { s.draining.Store(true) })
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.log.Info("draining", "timeout", s.cfg.ShutdownTimeout.String())
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
