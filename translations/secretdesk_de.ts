<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ValidationState</name>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::ClipboardCountdown</name>
    <message>
        <source>Clipboard countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds until the copied value is cleared from the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clipboard clears in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>secretdesk::DetailPane</name>
    <message>
        <source>Secret details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata, validation and the masked value of the selected secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the secret shown below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default-secret kind validated against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A string or a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which variables an export sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the value last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note about this secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The findings of the last time the value was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line per finding: code, message and place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected secret&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked; reveal reads it from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows or hides the value (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::EmptyState</name>
    <message>
        <source>&amp;Add a secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from the &amp;environment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a &amp;config.toml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secrets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to add the first secrets of this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Says which profile is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secretdesk keeps Prefect secrets in your system keychain and lists only their names here. Add a secret by hand, or bring in the ones you already have: PREFECT__CONTEXT__SECRETS__* variables from the environment, or the [context.secrets] table of a Prefect config.toml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Secretdesk keeps and the ways to add secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or drop a key file (a Google service-account JSON, a GitHub token file) onto this window: its kind is detected and the editor opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropping a key file onto the window starts a new secret from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the editor for a new secret (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports PREFECT__CONTEXT__SECRETS__ variables (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a config.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imports the [context.secrets] table of a Prefect config.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile “%1” has no secrets yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::ExportDialog</name>
    <message>
        <source>&amp;Show values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each secret&apos;s target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefect context (PREFECT__CONTEXT__SECRETS__NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain (NAME)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets this target cannot carry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>St&amp;yle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shell, file format or Prefect config to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which variable names the secrets get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports the profile&apos;s secrets to a shell, a file format or Prefect&apos;s config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the real values in the preview instead of stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text the export produces; values masked unless shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One line per secret left out, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the export, save it to a file, or close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the export; the clipboard is cleared later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the export to a file only you can read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::FindingsList</name>
    <message>
        <source>Validation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the value; activate one with a fix to apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — activate to fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::MainActions</name>
    <message>
        <source>&amp;New secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a secret to this profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected secret and its keychain value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the selected secret&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this profile&apos;s secrets for a shell, a .env file or CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import secrets from the environment, a .env file or a config.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with Prefect Cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare and sync this profile with a Prefect server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected secret&apos;s value; the clipboard is cleared after a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected secret&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy env &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy NAME=&apos;value&apos; for a shell or .env file; the clipboard is cleared after a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, kinds and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget every value read so far and mask everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard and lock timeouts, export defaults, theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the catalog again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new profile, e.g. dev or prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Secretdesk; a copied value is cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secrets and profiles, import, export, sync, quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit, delete and copy the selected secret; find; settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal, refresh and lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::MainWindow</name>
    <message>
        <source>Secretdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles keep sets of secrets apart, e.g. dev and prod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values stay in the OS keychain; only names are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain cannot be reached: %1. Values cannot be read or saved until it is available; names are still listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from profile %2? Its value is removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not tell which default secret this file is; name it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secrets of one profile; values stay in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: values were forgotten; the next reveal, copy or edit reads the keychain again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the env line of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the name %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File, Edit, View and Help menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile and the most used commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label of the profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why values cannot be read or saved right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, kinds, notes (kind:gcp target:plain invalid note:… -word)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters as you type. Words match name, kind and note; kind:, name:, note:, target:plain|context|both, invalid, is:valid|warnings|errors|unchecked; a leading - negates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, kind, validation state, targets and last update of each secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table on the left, the selected secret on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table, or how to start while the profile is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, table and details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages, progress, the clipboard countdown and the lock state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values were forgotten; the next reveal reads the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n secret(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empties the search field and shows every secret again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::PrefectPreview</name>
    <message>
        <source>Lines Prefect needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid name and value to see the lines Prefect needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the value to see the exact env and config.toml lines Prefect needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written as a Python dict literal, so Prefect&apos;s AWS and GCP helpers get a dict, not a string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text looks like JSON or holds &quot;${&quot;: Secret.get() returns it exactly, but code reading prefect.context.secrets directly sees it JSON-quoted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quoted and escaped so Prefect does not expand $VAR or ~, turn numbers or true/false into other types, or evaluate Python literals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefect reads this value as it is: no quoting needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable and the config.toml line for this secret, shown once the value is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the Prefect lines guard against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefect lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How Prefect will receive this secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::SecretEditorDialog</name>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. GITHUB_ACCESS_TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default-secret kind, e.g. AWS_CREDENTIALS (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret value as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fills the value with the skeleton of the secret&apos;s default kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the secret after a default secret (e.g. AWS_CREDENTIALS) or set its kind to get a template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mpact layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds or changes one secret; nothing is stored until Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits and underscores; the name Prefect looks up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A plain string, or a JSON object for structured credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The editor for the value of the chosen type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value and a switch that shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON object and its layout switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden while typing unless Show is checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the value and the exact Prefect lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON object; problems are listed under Checks as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Puts the JSON on one line, or indents it again; member order and values stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default secret it is checked against, e.g. AWS_CREDENTIALS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which variable names an export gives this secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text kept in the catalog, never a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the secret could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the secret or cancel the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores the secret in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes without storing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layout can change once the value is a valid JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes to this secret? Nothing of them has been stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::SecretTableModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context + plain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked when the value is read this session (reveal, copy, edit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where an export puts the secret: the Prefect context, a plain variable, or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>secretdesk::StatusProgress</name>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of a running import or sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the progress bar measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the running import or sync is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
