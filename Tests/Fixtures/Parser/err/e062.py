except:
 pass
