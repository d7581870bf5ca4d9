package server

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that several servers in one process (tests) do not collide.
type metrics struct {
	registry       *prometheus.Registry
	requests       *prometheus.CounterVec
	latency        *prometheus.HistogramVec
	inFlight       prometheus.GaugeFunc
	reloads        prometheus.Counter
	reloadFailures prometheus.Counter
	info           *prometheus.GaugeVec
}

// newMetrics makes the metrics; inFlight reads the decisions being
// answered when /metrics is scraped.
func newMetrics(inFlight func() float64) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "tiercel_http_requests_total", Help: "HTTP requests answered, by route pattern and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "tiercel_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"route"}),
		inFlight: prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "tiercel_http_requests_in_flight", Help: "Decision requests being answered.",
		}, inFlight),
		reloads: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tiercel_catalog_reloads_total", Help: "Catalog reloads that succeeded.",
		}),
		reloadFailures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "tiercel_catalog_reload_failures_total", Help: "Catalog reloads that failed; the last good catalog kept serving.",
		}),
		info: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "tiercel_catalog_info", Help: "1 for the revision of the catalog serving.",
		}, []string{"revision"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.reloads, m.reloadFailures, m.info,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// setRevision makes rev the one revision the info gauge shows.
func (m *metrics) setRevision(old, rev string) {
	if old != "" && old != rev {
		m.info.DeleteLabelValues(old)
	}
	m.info.WithLabelValues(rev).Set(1)
}

// handler serves the registry in Prometheus' text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// statusWriter remembers the status a handler wrote, when the request
// arrived and its decision id (see decisionID); it holds the decision's
// exchange too, so that a request allocates one writer for both.
type statusWriter struct {
	http.ResponseWriter
	status int
	id     string
	start  time.Time
	x      exchange
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// routeMetrics are the series of one route: its latency histogram and its
// count of 200s, each looked up in its vector once, at the first request
// that needs it (so that /metrics lists only routes that were asked, as
// WithLabelValues at every request did), and any other status looked up
// at each request.
type routeMetrics struct {
	route   string
	ok      func() prometheus.Counter
	latency func() prometheus.Observer
	codes   *prometheus.CounterVec
}

func (m *metrics) route(pattern string) *routeMetrics {
	return &routeMetrics{
		route:   pattern,
		ok:      sync.OnceValue(func() prometheus.Counter { return m.requests.WithLabelValues(pattern, "200") }),
		latency: sync.OnceValue(func() prometheus.Observer { return m.latency.WithLabelValues(pattern) }),
		codes:   m.requests,
	}
}

func (rm *routeMetrics) observe(status int, took time.Duration) {
	if status == http.StatusOK {
		rm.ok().Inc()
	} else {
		rm.codes.WithLabelValues(rm.route, strconv.Itoa(status)).Inc()
	}
	rm.latency().Observe(took.Seconds())
}

// unmatched is the route of a request no pattern matched.
const unmatched = "unmatched"

// observe wraps next to count its requests by route pattern (the mux's
// pattern, "unmatched" for none) and status, and time them. patterns are
// the mux's: their series are found without a lookup by labels.
func (m *metrics) observe(patterns []string, next http.Handler) http.Handler {
	routes := make(map[string]*routeMetrics, len(patterns)+1) // read only once built
	for _, p := range append(patterns, unmatched) {
		routes[p] = m.route(p)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, start: start}
		next.ServeHTTP(sw, r)
		route := r.Pattern
		if route == "" {
			route = unmatched
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		rm := routes[route]
		if rm == nil { // a pattern the table did not list: looked up by labels
			rm = m.route(route)
		}
		rm.observe(sw.status, time.Since(start))
	})
}
