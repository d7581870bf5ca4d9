package server

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/fault"
)

func TestBearerTokens(t *testing.T) {
	dir := t.TempDir()
	tokens := writeFile(t, dir, "tokens", "# billing\nalpha-token\n\n  beta-token  \n")
	s, ts := testServer(t, Config{TokenFile: tokens})
	tests := []struct {
		name, path, auth string
		status           int
	}{
		{"no token", "/v1/catalog", "", 401},
		{"wrong token", "/v1/catalog", "Bearer gamma", 401},
		{"prefix of a token", "/v1/catalog", "Bearer alpha", 401},
		{"another scheme", "/v1/catalog", "Basic alpha-token", 401},
		{"first token", "/v1/catalog", "Bearer alpha-token", 200},
		{"second token, trimmed", "/v1/catalog", "bearer beta-token", 200},
		{"health stays open", "/healthz", "", 200},
		{"readiness stays open", "/readyz", "", 200},
		{"metrics stay open", "/metrics", "", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, v := get(t, ts.URL, tt.path, "Authorization", tt.auth)
			assert.Equal(t, tt.status, status)
			if tt.status == 401 {
				e := errorOf(t, v)
				assert.Equal(t, CodeUnauthorized, e["code"])
				assert.Equal(t, "a valid bearer token is required", e["message"], "a 401 reveals nothing")
				assert.Nil(t, e["field"])
			}
		})
	}
	status, _ := post(t, ts.URL, "/v1/deadline", deadlineBody)
	assert.Equal(t, 401, status, "decisions need a token")

	writeFile(t, dir, "tokens", "gamma-token\n")
	require.NoError(t, s.Reload())
	status, _ = get(t, ts.URL, "/v1/catalog", "Authorization", "Bearer alpha-token")
	assert.Equal(t, 401, status, "tokens reload with the catalog")
	status, _ = get(t, ts.URL, "/v1/catalog", "Authorization", "Bearer gamma-token")
	assert.Equal(t, 200, status)

	writeFile(t, dir, "tokens", "# nobody\n")
	require.ErrorIs(t, s.Reload(), ErrTokenFile)
	status, _ = get(t, ts.URL, "/v1/catalog", "Authorization", "Bearer gamma-token")
	assert.Equal(t, 200, status, "an empty token file keeps the last good tokens")
}

func TestAuthAll(t *testing.T) {
	tokens := writeFile(t, t.TempDir(), "tokens", "alpha-token\n")
	_, ts := testServer(t, Config{TokenFile: tokens, AuthAll: true})
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		status, _ := get(t, ts.URL, path)
		assert.Equal(t, 401, status, path)
		status, _ = get(t, ts.URL, path, "Authorization", "Bearer alpha-token")
		assert.Equal(t, 200, status, path)
	}
}

func TestCheckExposure(t *testing.T) {
	tests := []struct {
		addr                  string
		tls, tokens, insecure bool
		ok                    bool
	}{
		{"127.0.0.1:8383", false, false, false, true},
		{"[::1]:8383", false, false, false, true},
		{"localhost:8383", false, false, false, true},
		{"0.0.0.0:8383", false, false, false, false},
		{":8383", false, false, false, false},
		{"10.0.0.5:8383", true, false, false, false},
		{"10.0.0.5:8383", false, true, false, false},
		{"10.0.0.5:8383", true, true, false, true},
		{"10.0.0.5:8383", false, false, true, true},
	}
	for _, tt := range tests {
		err := CheckExposure(tt.addr, tt.tls, tt.tokens, tt.insecure)
		if tt.ok {
			assert.NoError(t, err, tt.addr)
			continue
		}
		require.ErrorIs(t, err, ErrInsecure, tt.addr)
		assert.Equal(t, fault.BadRequest, fault.Of(err))
		assert.Contains(t, err.Error(), "--insecure", "it says how to proceed")
	}
	assert.ErrorIs(t, CheckExposure("nonsense", false, false, false), ErrAddress)
}

// pki is a CA and certificates it signed, written to files.
type pki struct {
	dir    string
	ca     *x509.Certificate
	caKey  *ecdsa.PrivateKey
	caPool *x509.CertPool
}

func newPKI(t *testing.T) *pki {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	ca, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	p := &pki{dir: t.TempDir(), ca: ca, caKey: key, caPool: x509.NewCertPool()}
	p.caPool.AddCert(ca)
	p.write(t, "ca.pem", "CERTIFICATE", der)
	return p
}

func (p *pki) write(t *testing.T, name, typ string, der []byte) string {
	t.Helper()
	path := filepath.Join(p.dir, name)
	require.NoError(t, os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600))
	return path
}

// issue signs a certificate for name (a server on 127.0.0.1 or a client)
// and returns its certificate and key files and the pair.
func (p *pki) issue(t *testing.T, name string, usage x509.ExtKeyUsage) (string, string, tls.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		ExtKeyUsage: []x509.ExtKeyUsage{usage}, IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.ca, &key.PublicKey, p.caKey)
	require.NoError(t, err)
	kder, err := x509.MarshalECPrivateKey(key)
	require.NoError(t, err)
	cert := p.write(t, name+".pem", "CERTIFICATE", der)
	keyFile := p.write(t, name+"-key.pem", "EC PRIVATE KEY", kder)
	pair, err := tls.LoadX509KeyPair(cert, keyFile)
	require.NoError(t, err)
	return cert, keyFile, pair
}

func tlsGet(addr string, tc *tls.Config) (*http.Response, error) {
	c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: tc}}
	return c.Get("https://" + addr + "/healthz")
}

func TestTLSAndMutualTLS(t *testing.T) {
	p := newPKI(t)
	cert, key, _ := p.issue(t, "server", x509.ExtKeyUsageServerAuth)
	_, _, client := p.issue(t, "client", x509.ExtKeyUsageClientAuth)

	addr := listen(t, Config{TLSCert: cert, TLSKey: key})
	resp, err := tlsGet(addr, &tls.Config{RootCAs: p.caPool})
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	_, err = tlsGet(addr, &tls.Config{}) // the system roots do not know the test CA
	assert.Error(t, err)

	mutual := listen(t, Config{TLSCert: cert, TLSKey: key, TLSClientCA: filepath.Join(p.dir, "ca.pem")})
	resp, err = tlsGet(mutual, &tls.Config{RootCAs: p.caPool, Certificates: []tls.Certificate{client}})
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	_, err = tlsGet(mutual, &tls.Config{RootCAs: p.caPool})
	assert.Error(t, err, "mTLS refuses a client without a certificate")
	other := newPKI(t)
	_, _, stranger := other.issue(t, "stranger", x509.ExtKeyUsageClientAuth)
	_, err = tlsGet(mutual, &tls.Config{RootCAs: p.caPool, Certificates: []tls.Certificate{stranger}})
	assert.Error(t, err, "mTLS refuses a certificate of another CA")
}

func TestTLSConfigErrors(t *testing.T) {
	p := newPKI(t)
	cert, key, _ := p.issue(t, "server", x509.ExtKeyUsageServerAuth)
	for name, cfg := range map[string]Config{
		"cert alone":        {TLSCert: cert},
		"client CA alone":   {TLSClientCA: cert},
		"key is no key":     {TLSCert: cert, TLSKey: cert},
		"client CA missing": {TLSCert: cert, TLSKey: key, TLSClientCA: filepath.Join(p.dir, "none.pem")},
		"client CA not PEM": {TLSCert: cert, TLSKey: key, TLSClientCA: writeFile(t, p.dir, "x.pem", "x")},
	} {
		_, err := New(cfg)
		assert.ErrorIs(t, err, ErrTLSFiles, name)
		assert.Equal(t, fault.BadInput, fault.Of(err), name)
	}
}
