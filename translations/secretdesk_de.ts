<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Profile: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile…</source>
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
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, kinds, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search secrets</source>
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
        <source>E&amp;xport…</source>
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
</context>
<context>
    <name>secretdesk::SecretTableModel</name>
    <message>
        <source>JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>String</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
