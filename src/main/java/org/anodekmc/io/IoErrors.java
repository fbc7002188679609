package org.anodekmc.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** The operating system's reason for a failed read or write, in words ("No space left on device"). */
public final class IoErrors {
    private IoErrors() {
    }

    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder (" + missing.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
