package org.hqcm.ui.internal.runs;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IContainer;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.hqcm.engine.run.RunFolder;

/**
 * A run's {@value RunFolder#REPORT} inside the IDE, in the SWT Browser. Where the toolkit has no browser component
 * (on Linux SWT's Browser needs WebKitGTK, which a bare server or Xvfb often lacks), the view says so, shows the
 * report's path to copy, and offers the system browser; when that cannot be started either, it says that too.
 */
public final class ReportView extends ViewPart {

    /** Id of this view, as in plugin.xml. */
    public static final String ID = "org.hqcm.ui.views.report";

    private Composite stack;
    private StackLayout layout;
    private Browser browser;
    private String browserProblem;
    private Composite fallback;
    private Label message;
    private Text path;
    private Button external;
    private Label externalResult;
    private Path report;

    /** Opens the view on the report of a run folder. */
    public static ReportView open(IWorkbenchPage page, IContainer runFolder) throws PartInitException {
        ReportView view = (ReportView) page.showView(ID);
        view.show(runFolder);
        return view;
    }

    @Override
    public void createPartControl(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        layout = new StackLayout();
        stack.setLayout(layout);
        try {
            browser = new Browser(stack, SWT.NONE);
        } catch (SWTError e) {
            browser = null;
            browserProblem = e.getMessage();
        }
        fallback = new Composite(stack, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(fallback);
        message = new Label(fallback, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(600, SWT.DEFAULT).applyTo(message);
        path = new Text(fallback, SWT.READ_ONLY | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(path);
        Button copy = new Button(fallback, SWT.PUSH);
        copy.setText(Messages.ReportView_copy);
        copy.addListener(SWT.Selection, e -> copyPath());
        external = new Button(fallback, SWT.PUSH);
        external.setText(Messages.ReportView_external);
        external.addListener(SWT.Selection, e -> openExternally());
        externalResult = new Label(fallback, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(600, SWT.DEFAULT).applyTo(externalResult);
        message.setText(Messages.ReportView_none);
        path.setVisible(false);
        copy.setVisible(false);
        external.setVisible(false);
        layout.topControl = fallback;
    }

    /** Shows the report of a run folder. */
    public void show(IContainer runFolder) {
        setPartName(NLS.bind(Messages.ReportView_title, runFolder.getName()));
        report = new RunFolder(runFolder.getLocation().toPath()).report();
        externalResult.setText("");
        if (!Files.isRegularFile(report)) {
            showFallback(NLS.bind(Messages.ReportView_missing, runFolder.getFullPath()), false);
        } else if (browser != null) {
            browser.setUrl(report.toUri().toString());
            layout.topControl = browser;
        } else {
            showFallback(NLS.bind(Messages.ReportView_noBrowser, browserProblem), true);
        }
        stack.layout(true, true);
    }

    private void showFallback(String text, boolean withPath) {
        message.setText(text);
        path.setText(report.toString());
        for (var c : fallback.getChildren()) {
            if (c != message && c != externalResult) {
                c.setVisible(withPath);
            }
        }
        layout.topControl = fallback;
        fallback.layout(true, true);
    }

    private void copyPath() {
        Clipboard clipboard = new Clipboard(stack.getDisplay());
        try {
            clipboard.setContents(new Object[] {report.toString()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
    }

    private void openExternally() {
        boolean started = Program.launch(report.toUri().toString());
        externalResult.setText(started ? Messages.ReportView_externalStarted : Messages.ReportView_externalFailed);
        fallback.layout(true, true);
    }

    /** Whether the report is shown in the Browser (false: the fallback that says why not). */
    public boolean inBrowser() {
        return layout.topControl == browser && browser != null;
    }

    /** The text the view shows when the report is not in the Browser. */
    public String message() {
        return message.getText();
    }

    /** The path shown for copying. */
    public String shownPath() {
        return path.getText();
    }

    /** The "system browser" button. */
    Button externalButton() {
        return external;
    }

    /** What the system-browser button said. */
    public String externalResult() {
        return externalResult.getText();
    }

    @Override
    public void setFocus() {
        stack.setFocus();
    }
}
