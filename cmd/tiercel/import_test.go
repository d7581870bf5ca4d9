package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	zendeskData   = "../../examples/zendesk-policies/"
	freshdeskData = "../../input/testdata/freshdesk/"
)

var goldenImport = []goldenCase{
	{"import-zendesk", []string{"import", "zendesk", "--policies", zendeskData + "policies.json", "--schedules", zendeskData + "schedules.json",
		"--holidays", "1=" + zendeskData + "holidays.json", "--tier", "support"}, exitOK},
	{"import-freshdesk-json", []string{"import", "freshdesk", "--output", "json", "--policies", freshdeskData + "policies.json", "--business-hours", freshdeskData + "business_hours.json"}, exitOK},
	{"import-freshdesk", []string{"import", "freshdesk", "--policies", freshdeskData + "policies.json", "--business-hours", freshdeskData + "business_hours.json"}, exitOK},
	{"import-malformed", []string{"import", "zendesk", "--policies", "testdata/helpdesk/bad-policies.json"}, exitInput},
	{"import-wrong-kind", []string{"import", "zendesk", "--policies", zendeskData + "schedules.json"}, exitInput},
	{"import-holidays-of-which", []string{"import", "zendesk", "--policies", zendeskData + "policies.json", "--schedules", zendeskData + "schedules.json",
		"--holidays", zendeskData + "holidays.json"}, exitInput},
	{"import-unknown-helpdesk", []string{"import", "zammad", "--policies", zendeskData + "policies.json"}, exitUsage},
	{"import-no-policies", []string{"import", "zendesk"}, exitUsage},
	{"import-help", []string{"import", "--help"}, exitOK},
}

func TestImportGolden(t *testing.T) { runGolden(t, goldenImport) }

// The imported catalog passes check, and export --dir writes the three
// documents that import reads back into the same catalog.
func TestImportCheckExportImport(t *testing.T) {
	dir := t.TempDir()
	catalog := filepath.Join(dir, "catalog.yaml")
	out, stderr, code := runCmd(t, "import", "zendesk", "--policies", zendeskData+"policies.json", "--schedules", zendeskData+"schedules.json",
		"--holidays", "1="+zendeskData+"holidays.json")
	require.Equal(t, exitOK, code, stderr)
	require.NoError(t, os.WriteFile(catalog, []byte(out), 0o644))
	_, stderr, code = runCmd(t, "check", catalog)
	require.Equal(t, exitOK, code, stderr)
	files, stderr, code := runCmd(t, "export", "zendesk", catalog, "--dir", dir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, files, filepath.Join(dir, "holidays-1.json"))
	again, stderr, code := runCmd(t, "import", "zendesk", "--policies", filepath.Join(dir, "policies.json"), "--schedules", filepath.Join(dir, "schedules.json"),
		"--holidays", "1="+filepath.Join(dir, "holidays-1.json"))
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, out, again)
}
