package main

import "testing"

var goldenExport = []goldenCase{
	{"export-zendesk", []string{"export", "zendesk", zendeskData + "catalog.yaml"}, exitOK},
	{"export-misfits", []string{"export", "zendesk", "testdata/tiers.yaml"}, exitFail},
	{"export-invalid", []string{"export", "zendesk", "testdata/bad.yaml"}, exitInput},
	{"export-help", []string{"export", "--help"}, exitOK},
}

func TestExportGolden(t *testing.T) { runGolden(t, goldenExport) }
