package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestModule holds the whole module to the bars.
func TestModule(t *testing.T) {
	vs, err := Check(filepath.Join("..", ".."))
	require.NoError(t, err)
	for _, v := range vs {
		t.Error(v)
	}
}

// TestCheck proves the check finds what it must, and skips tests and testdata.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	long := "package p\n\nfunc long() {\n" + strings.Repeat("\t_ = 1\n", MaxFuncLines-1) + "}\n"
	ok := "package p\n\nfunc fits() {\n" + strings.Repeat("\t_ = 1\n", MaxFuncLines-2) + "}\n"
	method := "package p\n\ntype T struct{}\n\nfunc (t *T) m() {\n\tf := func() {\n" + strings.Repeat("\t\t_ = 1\n", MaxFuncLines-1) + "\t}\n\tf()\n}\n"
	big := "package p\n" + strings.Repeat("\n", MaxFileLines)
	write := func(name, src string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	write("a.go", long)
	write("b.go", ok)
	write("c.go", method)
	write("d.go", big)
	write("a_test.go", long)
	write("testdata/x.go", long)
	vs, err := Check(dir)
	require.NoError(t, err)
	var got []string
	for _, v := range vs {
		got = append(got, v.String())
	}
	assert.Equal(t, []string{
		"a.go:3: long has 61 lines (limit 60)",
		"c.go:5: T.m has 64 lines (limit 60)",
		"c.go:6: func literal has 61 lines (limit 60)",
		"d.go:1: file has 401 lines (limit 400)",
	}, got)
}
