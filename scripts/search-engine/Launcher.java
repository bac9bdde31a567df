import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node: the server's own Node class with the HTTP transport (Netty 4) and
 * the analysis plugin (elision, stemmers, ascii folding) loaded from the class path instead of
 * a distribution's plugins folder. Each argument is a setting, "name=value". It stops cleanly
 * on SIGTERM.
 */
public class Launcher {
    static class Engine extends Node {
        Engine(Settings settings) {
            super(
                InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "ess"),
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class),
                true
            );
        }
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder settings = Settings.builder();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        Node node = new Engine(settings.build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        node.start();
        Thread.currentThread().join(); // the node's threads are daemons: keep the JVM up
    }
}
