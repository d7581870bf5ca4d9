package server

import (
	"bufio"
	"bytes"
	"crypto/subtle"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/readfile"
)

// The errors of starting a server; each has its class (package fault).
var (
	// ErrInsecure is returned by CheckExposure for a listening address
	// that is not loopback when the server would lack TLS or bearer
	// tokens: a fault.BadRequest, as the command line must change.
	ErrInsecure = fault.New(fault.BadRequest, "refusing to listen beyond loopback without TLS and bearer tokens")
	// ErrTokenFile marks a token file that cannot be read or holds no
	// token: a fault.BadInput.
	ErrTokenFile = fault.New(fault.BadInput, "invalid token file")
	// ErrTLSFiles marks TLS settings that cannot be used: a missing half
	// of a key pair, an unreadable or invalid certificate, key or client
	// CA: a fault.BadInput.
	ErrTLSFiles = fault.New(fault.BadInput, "invalid TLS files")
	// ErrAddress marks a listening address that is not host:port: a
	// fault.BadRequest.
	ErrAddress = fault.New(fault.BadRequest, "invalid listening address")
)

// CheckExposure returns an error wrapping ErrInsecure when addr is not a
// loopback address (127.0.0.0/8, ::1 or localhost) and the server would
// serve without TLS or without bearer tokens, unless insecure is set: on
// any other address, anyone who can reach it could read catalogs and
// prices, and see or change decisions in flight. An empty host (":8383")
// listens on every interface and is not loopback.
func CheckExposure(addr string, tlsOn, tokensOn, insecure bool) error {
	if insecure || (tlsOn && tokensOn) {
		return nil
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%w: address %q: %w", ErrAddress, addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	var missing []string
	if !tlsOn {
		missing = append(missing, "TLS (--tls-cert and --tls-key)")
	}
	if !tokensOn {
		missing = append(missing, "bearer tokens (--auth-token-file)")
	}
	return fmt.Errorf("%w: %s is reachable from other machines and the server has no %s; anyone on the network could read catalogs and prices and forge or read decisions. Give both, listen on 127.0.0.1, or pass --insecure (e.g. behind a proxy that terminates TLS and checks callers)",
		ErrInsecure, addr, strings.Join(missing, " and no "))
}

// readTokens reads a token file: one bearer token a line, blank lines and
// lines starting with # ignored, surrounding spaces trimmed. A file with no
// token is an error: it would lock every caller out.
func readTokens(path string) ([][]byte, error) {
	src, err := readfile.Read(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTokenFile, err)
	}
	var tokens [][]byte
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		t := bytes.TrimSpace(sc.Bytes())
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		tokens = append(tokens, bytes.Clone(t))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrTokenFile, path, err)
	}
	if len(tokens) == 0 {
		return nil, fmt.Errorf("%w: %s holds no token", ErrTokenFile, path)
	}
	return tokens, nil
}

// authorized reports whether r carries "Authorization: Bearer T" with T one
// of tokens. Every token is compared, in constant time, so the time taken
// says nothing of which token nearly matched.
func authorized(r *http.Request, tokens [][]byte) bool {
	h := r.Header.Get("Authorization")
	scheme, given, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	g := []byte(strings.TrimSpace(given))
	match := 0
	for _, t := range tokens {
		match |= subtle.ConstantTimeCompare(g, t)
	}
	return match == 1
}

// requireToken wraps next: when the server has tokens, a request without
// a valid one gets a 401 that says only that a bearer token is needed.
func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := s.tokens.Load(); t != nil && !authorized(r, *t) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="tiercel"`)
			writeError(w, &httpError{status: http.StatusUnauthorized, code: CodeUnauthorized, err: errors.New("a valid bearer token is required")}, "")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tlsConfig returns the TLS configuration of cfg, nil without a
// certificate: TLS 1.2 at least and, with a client CA, client certificates
// required and verified against it (mTLS).
func tlsConfig(cfg *Config) (*tls.Config, error) {
	if cfg.TLSCert == "" && cfg.TLSKey == "" {
		if cfg.TLSClientCA != "" {
			return nil, fmt.Errorf("%w: a client CA needs a certificate and a key", ErrTLSFiles)
		}
		return nil, nil
	}
	if cfg.TLSCert == "" || cfg.TLSKey == "" {
		return nil, fmt.Errorf("%w: TLS needs both a certificate and a key", ErrTLSFiles)
	}
	cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrTLSFiles, err)
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}}
	if cfg.TLSClientCA != "" {
		pem, err := os.ReadFile(cfg.TLSClientCA)
		if err != nil {
			return nil, fmt.Errorf("%w: client CA: %w", ErrTLSFiles, err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%w: client CA %s: no PEM certificate", ErrTLSFiles, cfg.TLSClientCA)
		}
		tc.ClientCAs, tc.ClientAuth = pool, tls.RequireAndVerifyClientCert
	}
	return tc, nil
}
