package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) FailNow()              { r.failed = true; panic(r) }
func (r *recorder) Helper()               {}

func check(t *testing.T, path, got string) (failed bool) {
	r := &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
		failed = r.failed
	}()
	Check(r, path, got)
	return r.failed
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.golden")
	require.NoError(t, os.WriteFile(path, []byte("same\n"), 0o644))
	assert.False(t, check(t, path, "same\n"), "equal output passes")
	assert.True(t, check(t, path, "other\n"), "different output fails")
	assert.True(t, check(t, filepath.Join(dir, "missing.golden"), "x"), "a missing file fails")
}

func TestUpdateWrites(t *testing.T) {
	old := *update
	*update = true
	t.Cleanup(func() { *update = old })
	path := filepath.Join(t.TempDir(), "sub", "new.golden")
	assert.False(t, check(t, path, "written\n"))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "written\n", string(b))
}
