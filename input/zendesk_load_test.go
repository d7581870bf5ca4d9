package input

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadZendesk(t *testing.T) {
	dir := filepath.Join("testdata", "zendesk")
	one := filepath.Join(t.TempDir(), "one.json")
	require.NoError(t, os.WriteFile(one, []byte(`{"schedules": [{"id": 7, "name": "S", "time_zone": "UTC", "intervals": []}]}`), 0o644))
	x, err := LoadZendesk(filepath.Join(dir, "policies.json"), one, []string{filepath.Join(dir, "holidays.json")})
	require.NoError(t, err)
	assert.Len(t, x.Holidays[7], 2, "a bare FILE is the only schedule's")

	_, err = LoadZendesk(filepath.Join(dir, "policies.json"), "", []string{filepath.Join(dir, "holidays.json")})
	require.ErrorIs(t, err, ErrInvalidZendesk)
	assert.Contains(t, err.Error(), "missing schedule: holidays need the schedules document")

	_, err = LoadZendesk(filepath.Join(dir, "nope.json"), "", nil)
	require.ErrorIs(t, err, ErrInvalidZendesk)
	require.ErrorIs(t, err, os.ErrNotExist)
}
