package input

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// readCase reads the case mapping src with DecodeCase.
func readCase(t *testing.T, src string, now *time.Time) (rules.Case, error) {
	t.Helper()
	d := yamlpos.NewDecoder("c.yaml", []byte(src), ErrInvalidCaseFile)
	root := d.Document()
	require.NotNil(t, root)
	c, _, ok := DecodeCase(d, d.Mapping(root, "", nil), now)
	err := d.Errors().Err()
	assert.Equal(t, err == nil, ok)
	return c, err
}

func TestDecodeCase(t *testing.T) {
	def := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	t.Run("the zone applies to instants written before it", func(t *testing.T) {
		c, err := readCase(t, "opened: 2026-03-06\nnow: 2026-03-06T16:30\npauses: [{start: 2026-03-06T10:00, end: 2026-03-06T11:00}]\nzone: Asia/Tokyo\n", &def)
		require.NoError(t, err)
		assert.Equal(t, "2026-03-05T15:00:00Z", c.Opened.UTC().Format(time.RFC3339))
		assert.Equal(t, "2026-03-06T07:30:00Z", c.Now.UTC().Format(time.RFC3339))
		assert.Equal(t, "2026-03-06T01:00:00Z", c.Pauses[0].Start.UTC().Format(time.RFC3339))
	})
	t.Run("the default now", func(t *testing.T) {
		c, err := readCase(t, "opened: 2026-03-06\n", &def)
		require.NoError(t, err)
		assert.Equal(t, &def, c.Now)
	})
	t.Run("the year 1 is a now, not the absence of one", func(t *testing.T) {
		c, err := readCase(t, "now: 0001-01-01T00:00:00Z\n", &def)
		require.NoError(t, err)
		require.NotNil(t, c.Now)
		assert.True(t, c.Now.IsZero())
	})
	t.Run("no now given: none", func(t *testing.T) {
		c, err := readCase(t, "opened: 2026-03-06\n", nil)
		require.NoError(t, err)
		assert.Nil(t, c.Now)
	})
	t.Run("a bad zone", func(t *testing.T) {
		_, err := readCase(t, "zone: Mars/Base\n", nil)
		assert.EqualError(t, err, `c.yaml:1:7: zone: unknown time zone "Mars/Base"`)
	})
}

// A suite's timeline question leaves the events to the engine, whose
// errors a test may expect; a case file checks them as it reads them.
func TestDecodeHistoryLeavesEventsToTheEngine(t *testing.T) {
	src := "tier: std\npriority: P3\nopened: 2026-03-05T10:00:00Z\nnow: 2026-03-06T10:00:00Z\nevents:\n  - {at: 2026-03-07T00:00:00Z, type: note}\n"
	d := yamlpos.NewDecoder("q.yaml", []byte(src), ErrInvalidCaseFile)
	root := d.Document()
	require.NotNil(t, root)
	whole := yamlpos.Field{KeyNode: root, Value: root}
	h, ok := DecodeHistory(d, whole, d.Mapping(root, "", CaseFileKeys), nil)
	require.True(t, ok, "%v", d.Errors())
	assert.Len(t, h.Events, 1)
	_, err := ParseCaseFile("q.yaml", []byte(src))
	assert.ErrorIs(t, err, rules.ErrInvalidEvent)
}

// A case file that gives now as 0001-01-01T00:00:00Z gives a now: it is
// not "missing".
func TestCaseFileNowAtTheYear1(t *testing.T) {
	_, err := ParseCaseFile("c.yaml", []byte("tier: std\npriority: P3\nopened: 0001-01-01T00:00:00Z\nnow: 0001-01-01T00:00:00Z\n"))
	require.NoError(t, err)
}
