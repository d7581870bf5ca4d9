package client_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// TestErrorsMatchTheLocalOnes asks questions the service refuses: the
// remote error has the status, the class (fault.Of) and, with errors.Is,
// the sentinel of the local engine's error for the same question.
func TestErrorsMatchTheLocalOnes(t *testing.T) {
	for _, tc := range refusals(t) {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			err := tc.ask(ctx, remote(t, tc.cfg))
			var e *client.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.status, e.Status)
			assert.ErrorIs(t, err, tc.sentinel)
			assert.Equal(t, fault.Of(tc.sentinel), fault.Of(err), "the class of the sentinel")
			for _, other := range []error{rules.ErrUnknownTier, rules.ErrInvalidCase, client.ErrUnauthorized, client.ErrTooLarge, client.ErrUnavailable} {
				if other != tc.sentinel {
					assert.NotErrorIs(t, err, other)
				}
			}
			if tc.local {
				lerr := tc.ask(ctx, client.Local(rules.Default()))
				assert.ErrorIs(t, lerr, tc.sentinel, "the local engine's error")
				assert.Equal(t, fault.Of(lerr), fault.Of(err))
			}
		})
	}
}

// refusal is a question the service refuses with status, its error
// matching sentinel, as the local engine's does when local.
type refusal struct {
	name     string
	cfg      server.Config
	ask      func(ctx context.Context, e client.Engine) error
	status   int
	sentinel error
	local    bool
}

func refusals(t *testing.T) []refusal {
	tokens := filepath.Join(t.TempDir(), "tokens")
	require.NoError(t, os.WriteFile(tokens, []byte("s3cret\n"), 0o600))
	opened := time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
	many := make([]rules.Case, 200)
	for i := range many {
		many[i] = k
	}
	return []refusal{
		{"400 invalid period", server.Config{}, func(ctx context.Context, e client.Engine) error {
			_, err := e.QuotePeriod(ctx, "enhanced", money.MustParseMoney("85000 USD"), billing.Period{Year: 2026, Month: 2, First: 20, Last: 10})
			return err
		}, 400, billing.ErrInvalidPeriod, true},
		{"401 no token", server.Config{TokenFile: tokens}, func(ctx context.Context, e client.Engine) error {
			_, err := e.Deadline(ctx, k)
			return err
		}, 401, client.ErrUnauthorized, false},
		{"413 body over the limit", server.Config{MaxBody: 4096}, func(ctx context.Context, e client.Engine) error {
			_, err := e.Replay(ctx, many, "standard", "enhanced")
			return err
		}, 413, client.ErrTooLarge, false},
		{"422 unknown tier", server.Config{}, func(ctx context.Context, e client.Engine) error {
			_, err := e.Deadline(ctx, rules.Case{Tier: "platinum", Priority: slo.P1, Opened: opened})
			return err
		}, 422, rules.ErrUnknownTier, true},
		{"422 zone required", server.Config{}, func(ctx context.Context, e client.Engine) error {
			_, err := e.Deadline(ctx, rules.Case{Tier: "standard", Priority: slo.P3, Opened: opened})
			return err
		}, 422, rules.ErrZoneRequired, true},
		{"422 no price", server.Config{}, func(ctx context.Context, e client.Engine) error {
			_, err := e.Quote(ctx, "looker-premier", money.MustParseMoney("85000 USD"))
			return err
		}, 422, rules.ErrNoPrice, true},
		{"503 past the request deadline", server.Config{RequestTimeout: time.Nanosecond}, func(ctx context.Context, e client.Engine) error {
			_, err := e.QuotePeriod(ctx, "enhanced", money.MustParseMoney("85000 USD"), billing.Period{Year: 2026, Month: 2})
			return err
		}, 503, client.ErrUnavailable, false},
	}
}

// TestRefusedBeforeAsking: what the client refuses itself fails as the
// local engine fails, without a request.
func TestRefusedBeforeAsking(t *testing.T) {
	c := client.New("http://127.0.0.1:1") // nothing listens: no request is made
	opened := time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)
	_, err := c.Deadline(context.Background(), rules.Case{Tier: "enhanced", Priority: 7, Opened: opened})
	assert.ErrorIs(t, err, rules.ErrInvalidCase)
	_, lerr := rules.Default().Deadline(rules.Case{Tier: "enhanced", Priority: 7, Opened: opened})
	assert.Equal(t, lerr.Error(), err.Error())
	_, err = c.Deadline(context.Background(), rules.Case{Tier: "enhanced", Priority: slo.P1, Opened: opened, Pauses: []slo.Interval{{Start: opened, End: opened.Add(time.Hour)}}})
	assert.ErrorIs(t, err, client.ErrUnsupported)
	later := opened.Add(time.Hour)
	_, err = c.Status(context.Background(), rules.Case{Tier: "enhanced", Priority: slo.P1, Opened: opened, Now: &later}, opened.Add(2*time.Hour))
	assert.ErrorIs(t, err, client.ErrUnsupported, "two nows")
}

// TestABadEventIsABadInputDocument: the service reads the events of a
// request with the case-file reader, which refuses an unknown event type
// as a bad input document (400 bad_input, fault.BadInput, the class of a
// bad file for the command); the local engine refuses the same Go value
// with rules.ErrInvalidEvent (fault.BadRequest). Both are 4xx-class
// refusals of the request; the sentinel differs, and this test pins it.
func TestABadEventIsABadInputDocument(t *testing.T) {
	opened := time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: opened}
	events := []rules.Event{{At: opened.Add(time.Hour), Type: "teleport"}}
	_, err := remote(t, server.Config{}).Timeline(context.Background(), k, events, opened.Add(2*time.Hour))
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 400, e.Status)
	assert.Equal(t, "events[0].type", e.Field)
	assert.Equal(t, fault.BadInput, fault.Of(err))
	_, lerr := rules.Default().Timeline(k, events, opened.Add(2*time.Hour))
	assert.ErrorIs(t, lerr, rules.ErrInvalidEvent)
}

func TestMalformedRequestIsABadRequest(t *testing.T) {
	c := remote(t, server.Config{})
	var q answer.Quote
	_, err := c.Decide(context.Background(), "quote", map[string]any{"tier": "enhanced", "spend": 85000}, &q)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 400, e.Status)
	assert.Equal(t, "spend", e.Field)
	assert.Equal(t, fault.BadRequest, fault.Of(err))
}

func TestTokenIsSent(t *testing.T) {
	tokens := filepath.Join(t.TempDir(), "tokens")
	require.NoError(t, os.WriteFile(tokens, []byte("s3cret\n"), 0o600))
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	_, err := remote(t, server.Config{TokenFile: tokens}, client.WithToken("s3cret")).Deadline(context.Background(), k)
	assert.NoError(t, err)
}

func TestAnAnswerThatIsNotTheService(t *testing.T) {
	err := error(&client.Error{Status: 502, Code: "http", Message: "<html>bad gateway</html>"})
	assert.Equal(t, fault.Internal, fault.Of(err))
	assert.False(t, errors.Is(err, client.ErrUnavailable))
	assert.Equal(t, "tiercel service: 502 http: <html>bad gateway</html>", err.Error())
}
