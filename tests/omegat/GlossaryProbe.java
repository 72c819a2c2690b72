// Drives OmegaT's own glossary code (OmegaT.jar, 3.6) without its GUI, for tests/test_omegat_glossary.py.
//
// Usage: java -cp OmegaT.jar:DIR GlossaryProbe SOURCE-LANG TARGET-LANG GLOSSARY... < sentences
// For each glossary file: "loaded<TAB>N<TAB>file", the count GlossaryManager.loadGlossaryFile returns.
// For each source sentence (one per line, numbered from 1), each hit of FindGlossaryThread.search, the
// search the Glossary pane runs on the current segment:
// "hit<TAB>sentence<TAB>source<TAB>targets<TAB>comments<TAB>pane text", targets and comments joined by " | "
// in OmegaT's order, and the text the Glossary pane shows for the hit; newlines as " ¶ ".

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.omegat.core.Core;
import org.omegat.core.data.EntryKey;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.core.data.SourceTextEntry;
import org.omegat.gui.common.EntryInfoThreadPane;
import org.omegat.gui.glossary.FindGlossaryThread;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryManager;
import org.omegat.gui.glossary.GlossaryTextArea;
import org.omegat.tokenizer.ITokenizer;
import org.omegat.tokenizer.LuceneEnglishTokenizer;
import org.omegat.util.RuntimePreferences;

public class GlossaryProbe {
    /** The project OmegaT's readers and search ask for languages and the source tokenizer. */
    static class Project extends NotLoadedProject {
        private final ProjectProperties properties;
        private final ITokenizer tokenizer = new LuceneEnglishTokenizer();

        Project(ProjectProperties properties) {
            this.properties = properties;
        }

        @Override
        public ProjectProperties getProjectProperties() {
            return properties;
        }

        @Override
        public ITokenizer getSourceTokenizer() {
            return tokenizer;
        }
    }

    /**
     * The Glossary pane, as far as the search thread uses it: which segment is current (a search stops when it
     * changes). Its constructor docks it into the main window, so the object is allocated without running it.
     */
    static GlossaryTextArea pane() throws Exception {
        Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Object unsafe = theUnsafe.get(null);
        Method allocate = unsafe.getClass().getMethod("allocateInstance", Class.class);
        return (GlossaryTextArea) allocate.invoke(unsafe, GlossaryTextArea.class);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        File home = Files.createTempDirectory("omegat-probe").toFile();
        RuntimePreferences.setConfigDir(home.getPath());  // never the user's own OmegaT settings
        ProjectProperties properties = new ProjectProperties(home);
        properties.setSourceLanguage(args[0]);
        properties.setTargetLanguage(args[1]);
        Core.setProject(new Project(properties));

        GlossaryManager manager = new GlossaryManager(null);
        Method load = GlossaryManager.class.getDeclaredMethod("loadGlossaryFile", File.class);
        load.setAccessible(true);
        // start() sets the project's writable glossary, which loadGlossaryFile compares every file with.
        Field priority = GlossaryManager.class.getDeclaredField("priorityGlossary");
        priority.setAccessible(true);
        priority.set(manager, new File(home, "glossary.txt"));
        Field field = GlossaryManager.class.getDeclaredField("glossaries");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, List<GlossaryEntry>> glossaries = (Map<String, List<GlossaryEntry>>) field.get(manager);
        for (int k = 2; k < args.length; k++) {
            File file = new File(args[k]);
            @SuppressWarnings("unchecked")
            List<GlossaryEntry> entries = (List<GlossaryEntry>) load.invoke(manager, file);
            out.println("loaded\t" + (entries == null ? 0 : entries.size()) + "\t" + file.getName());
            if (entries != null) {
                glossaries.put(file.getPath(), entries);
            }
        }

        GlossaryTextArea pane = pane();
        Field current = EntryInfoThreadPane.class.getDeclaredField("currentlyProcessedEntry");
        current.setAccessible(true);
        Method search = FindGlossaryThread.class.getDeclaredMethod("search");
        search.setAccessible(true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String sentence;
        int number = 0;
        while ((sentence = in.readLine()) != null) {
            number++;
            SourceTextEntry entry = new SourceTextEntry(new EntryKey("probe", sentence, null, null, null, null),
                                                        number, null, sentence, Collections.emptyList());
            current.set(pane, entry);
            @SuppressWarnings("unchecked")
            List<GlossaryEntry> hits = (List<GlossaryEntry>) search.invoke(new FindGlossaryThread(pane, entry, manager));
            for (GlossaryEntry hit : hits) {
                Object styled = hit.toStyledString();
                Field text = styled.getClass().getDeclaredField("text");
                text.setAccessible(true);
                out.println("hit\t" + number + "\t" + hit.getSrcText() + "\t"
                            + flat(String.join(" | ", hit.getLocTerms(false))) + "\t"
                            + flat(String.join(" | ", hit.getComments())) + "\t" + flat(text.get(styled).toString()));
            }
        }
    }

    private static String flat(String text) {
        return text.replace("\t", " ").replace("\n", " ¶ ");
    }
}
