package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/open-policy-agent/opa/v1/logging"
	"github.com/open-policy-agent/opa/v1/runtime"
	"github.com/sirupsen/logrus"
)

// opaLogLevels are the values of OPA's --log-level.
var opaLogLevels = map[string]logging.Level{"debug": logging.Debug, "info": logging.Info, "error": logging.Error}

// opaStartTimeout bounds the wait for OPA's server to listen.
const opaStartTimeout = 30 * time.Second

// opaServer is OPA's own server, run in process from its runtime package as
// `opa run --server` runs it.
type opaServer struct {
	url  string     // base URL, http://127.0.0.1:port
	done chan error // receives what the runtime's Serve returns once ctx is done
}

// startOPAServer starts OPA's own HTTP server in process, the way `opa run
// --server --skip-version-check --addr 127.0.0.1:0 tiercel.rego data.json`
// starts it: runtime.NewRuntime with the flags' defaults (authentication
// and authorization off, no TLS, no configuration file, so no decision
// logs, status, bundles, discovery or tracing; no pprof; h2c off; info log
// level with the access log at info, formatted as JSON), the policy and
// its table loaded from files, then Runtime.Serve until ctx is done. The
// logs are formatted in full and written to logs (nil: io.Discard, as the
// bench does with tiercel's log). The version check
// is off: it would call GitHub. logLevel is OPA's --log-level: "info" is
// the command's default; "error" turns the access log (at info, the
// default of --log-level-request) off.
func startOPAServer(ctx context.Context, table targets, logLevel string, logs io.Writer) (*opaServer, error) {
	dir, err := os.MkdirTemp("", "tiercel-opa-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir) // NewRuntime has read both files into its store
	paths, err := writePolicyFiles(dir, table)
	if err != nil {
		return nil, err
	}
	level, ok := opaLogLevels[logLevel]
	if !ok {
		return nil, fmt.Errorf("OPA log level %q: want debug, info or error", logLevel)
	}
	logger := logging.New()
	if logs == nil {
		logs = io.Discard
	}
	logger.SetOutput(logs)
	logger.SetFormatter(&logrus.JSONFormatter{}) // --log-format json, the default
	logger.SetLevel(level)                       // NewRuntime leaves a given logger's level alone
	params := runtime.NewParams()
	params.Addrs = &[]string{"127.0.0.1:0"}
	params.AddrSetByUser = true
	params.Paths = paths
	params.Logging = runtime.LoggingConfig{Level: logLevel, RequestLevel: "info", Format: "json"}
	params.Logger, params.ConsoleLogger = logger, logger
	params.Output = io.Discard
	params.GracefulShutdownPeriod = 10 // --shutdown-grace-period's default
	params.EnableVersionCheck = false  // --skip-version-check: no call to GitHub
	rt, err := runtime.NewRuntime(ctx, params)
	if err != nil {
		return nil, fmt.Errorf("starting OPA's runtime: %w", err)
	}
	s := &opaServer{done: make(chan error, 1)}
	go func() { s.done <- rt.Serve(ctx) }()
	s.url, err = waitForOPA(ctx, rt, s.done)
	return s, err
}

// writePolicyFiles writes the policy and its table ({"targets": table})
// into dir and returns their paths, OPA's arguments.
func writePolicyFiles(dir string, table targets) ([]string, error) {
	data, err := json.Marshal(map[string]any{"targets": table})
	if err != nil {
		return nil, err
	}
	rego, doc := filepath.Join(dir, "tiercel.rego"), filepath.Join(dir, "data.json")
	if err := os.WriteFile(rego, []byte(policy), 0o600); err != nil {
		return nil, err
	}
	if err := os.WriteFile(doc, data, 0o600); err != nil {
		return nil, err
	}
	return []string{rego, doc}, nil
}

// waitForOPA waits until rt listens and returns its base URL, or the
// reason it stopped first.
func waitForOPA(ctx context.Context, rt *runtime.Runtime, done <-chan error) (string, error) {
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(opaStartTimeout)
	for {
		if addrs := rt.Addrs(); len(addrs) > 0 {
			return "http://" + addrs[0], nil
		}
		select {
		case err := <-done:
			return "", fmt.Errorf("OPA's server stopped before it listened: %v", err)
		case <-ctx.Done():
			return "", ctx.Err()
		case <-deadline:
			return "", fmt.Errorf("OPA's server did not listen within %s", opaStartTimeout)
		case <-tick.C:
		}
	}
}

// wait returns what OPA's server returned once its context is done, or
// an error if it has not stopped within its shutdown grace period.
func (s *opaServer) wait() error {
	select {
	case err := <-s.done:
		return err
	case <-time.After(15 * time.Second):
		return errors.New("OPA's server did not stop within 15s")
	}
}
